/**
 * The admin speaks Danish to its staff: every collection, navigation group, field, list row and
 * choice a person sees in the admin has a Danish name beside the English one. Walks the whole
 * configuration as Payload runs it, so a field added without its Danish name fails here.
 */
import type { Field, Option } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { createConfig } from '../../cms/config.ts'
import { fieldLabelAt } from '../../cms/adminLabels.ts'
import { languageLabel, languageName } from '../../cms/adminLanguage.ts'
import { getLocale } from '../../locales/registry.ts'

type Config = Awaited<ReturnType<typeof createConfig>>

const isBilingual = (v: unknown): boolean => {
  if (!v || typeof v !== 'object') return false
  const { da, en } = v as Record<string, unknown>
  return typeof da === 'string' && da.trim() !== '' && typeof en === 'string' && en.trim() !== ''
}

/** What a person sees in the admin's forms and lists: not hidden, not Payload's own bookkeeping. */
const shown = (f: Field): boolean => !((f.admin as { hidden?: boolean } | undefined)?.hidden || ('hidden' in f && f.hidden)) && f.type !== 'ui'

function walk(fields: Field[], at: string, out: Array<{ path: string; field: Field }>) {
  for (const f of fields) {
    if ('name' in f && f.name === 'sessions') continue // Payload's own record of sign-ins
    if ('name' in f && shown(f)) out.push({ path: `${at}${f.name}`, field: f })
    if ('fields' in f) walk(f.fields, 'name' in f ? `${at}${f.name}.` : at, out)
    if (f.type === 'tabs') for (const t of f.tabs) walk(t.fields, at, out)
  }
}

describe("the admin's names in Danish and English", () => {
  let config: Config
  // Payload's own fields (timestamps, an upload's file data, accounts') carry its own translations.
  const payloadOwn = new Set(['id', 'createdAt', 'updatedAt', 'email', 'url', 'thumbnailURL', 'filename', 'mimeType', 'filesize', 'width', 'height', 'focalX', 'focalY', 'sizes', '_status'])
  const ours = () => config.collections.filter((c) => !c.slug.startsWith('payload-'))
  /** Every field a person sees in our collections, named "collection.path". */
  const shownFields = () =>
    ours().flatMap((c) => {
      const fields: Array<{ path: string; field: Field }> = []
      walk(c.fields, '', fields)
      return fields.map(({ path, field }) => ({ path, name: `${c.slug}.${path}`, field }))
    })

  beforeAll(async () => {
    config = await createConfig({ database: { url: 'file::memory:' }, secret: 'admin-language' })
  })

  it('names every collection, singular and plural, and its navigation group', () => {
    for (const c of ours()) {
      expect(isBilingual(c.labels.singular) && isBilingual(c.labels.plural), c.slug).toBe(true)
      if (c.admin.group !== undefined) expect(isBilingual(c.admin.group), `${c.slug} group`).toBe(true)
    }
    expect(config.collections.find((c) => c.slug === 'activities')!.labels.plural).toEqual({ da: 'Aktiviteter', en: 'Activities' })
  })

  it('names every field a person sees, and the rows of every list', () => {
    const missing: string[] = []
    for (const { path, name, field } of shownFields()) {
      if (payloadOwn.has(path.split('.').pop()!) && !isBilingual((field as { label?: unknown }).label)) continue
      if (!isBilingual((field as { label?: unknown }).label)) missing.push(name)
      if (field.type === 'array' && !(isBilingual(field.labels?.singular) && isBilingual(field.labels?.plural))) missing.push(`${name} (rows)`)
    }
    expect(missing).toEqual([])
  })

  it('names every choice of every select field', () => {
    const missing: string[] = []
    for (const { path, name, field } of shownFields()) {
      if (field.type !== 'select' || payloadOwn.has(path)) continue
      for (const o of field.options as Option[]) {
        const label = typeof o === 'string' ? undefined : o.label
        if (!isBilingual(label)) missing.push(`${name}: ${typeof o === 'string' ? o : o.value}`)
      }
    }
    expect(missing).toEqual([])
  })

  it("uses the site's Danish words for the catalogue's choices, and Danish names of languages", () => {
    const themes = config.collections.find((c) => c.slug === 'activities')!.fields.find((f) => 'name' in f && f.name === 'themes') as { options: Array<{ value: string; label: unknown }> }
    expect(themes.options.find((o) => o.value === 'health')!.label).toEqual({ da: 'Sundhed', en: 'Health' })
    expect(config.localization && config.localization.locales.find((l) => l.code === 'ar')!.label).toEqual({ da: 'العربية (arabisk)', en: 'العربية (Arabic)' })
    expect(languageLabel(getLocale('ti'))).toEqual({ da: 'ትግርኛ (tigrinya)', en: 'ትግርኛ (Tigrinya)' })
    expect(languageName('ckb', 'da', { capitalised: true })).toBe('Kurdisk (sorani)')
  })

  it('reads a field’s name at a path in either language (the translation panel, the diff)', () => {
    const activities = config.collections.find((c) => c.slug === 'activities')!
    expect(fieldLabelAt(activities.fields, 'tips', 'da')).toBe('Gode råd')
    expect(fieldLabelAt(activities.fields, 'tips', 'en')).toBe('Tips')
    expect(fieldLabelAt(activities.fields, 'keywords', 'en')).toBe('Search keywords and synonyms')
    const municipalities = config.collections.find((c) => c.slug === 'municipalities')!
    expect(fieldLabelAt(municipalities.fields, 'venue.directions', 'da')).toBe('Vejvisning')
    expect(fieldLabelAt(municipalities.fields, 'no-such-field', 'da')).toBe('no-such-field')
  })
})
