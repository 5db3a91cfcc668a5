/**
 * The one walk over Payload field trees (cms/fields/walk.ts): which fields hold data at a level,
 * what a value holds inside, and where localized text is. Every hook, the sync and the publish
 * read documents through it, so layout fields (rows, collapsibles, tabs) never hide a value.
 */
import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'
import { allCollections } from '../../cms/config.ts'
import { dataFields, holdsLocalized, nestedFields } from '../../cms/fields/walk.ts'

const text = (name: string, localized = false): Field => ({ name, type: 'text', localized })

const form: Field[] = [
  text('title', true),
  { type: 'row', fields: [text('min'), text('max')] },
  { type: 'collapsible', label: 'More', fields: [{ type: 'row', fields: [text('deep')] }] },
  {
    type: 'tabs',
    tabs: [
      { label: 'Unnamed', fields: [text('inUnnamedTab', true)] },
      { name: 'venue', label: 'Venue', fields: [text('address')] },
    ],
  },
  { name: 'sections', type: 'blocks', blocks: [{ slug: 'quote', fields: [text('said', true)] }] },
]

describe('the field walk', () => {
  it('names the fields a document stores at this level: layout passes its children through, a named tab is a group', () => {
    expect(dataFields(form).map((f) => `${f.name}:${f.type}`)).toEqual(['title:text', 'min:text', 'max:text', 'deep:text', 'inUnnamedTab:text', 'venue:group', 'sections:blocks'])
  })

  it("finds what a value holds: a named tab's fields, a block's by its type", () => {
    const [venue, sections] = dataFields(form).slice(-2) as [never, never]
    expect(nestedFields(venue).map((f) => ('name' in f ? f.name : f.type))).toEqual(['address'])
    expect(nestedFields(sections, { blockType: 'quote' }).map((f) => ('name' in f ? f.name : f.type))).toEqual(['said'])
    expect(nestedFields(sections, { blockType: 'gone' })).toEqual([])
  })

  it('sees localized text inside tabs and blocks', () => {
    expect(form.map(holdsLocalized)).toEqual([true, false, false, true, true])
  })

  it.each(allCollections.map((c) => [c.slug, c] as const))('%s: no two fields store under one name', (_, collection) => {
    const names = dataFields(collection.fields).map((f) => f.name)
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([])
  })
})
