/**
 * content/schema and the Payload collections describe the same documents, one for files and one
 * for the CMS. This keeps them in step: the same fields, in the same order (which is the order the
 * export writes), localized in the same places.
 */
import { describe, expect, it } from 'vitest'
import type { Field } from 'payload'
import type { z } from 'zod'
import { contentKinds, schemas } from '../../content/collections.ts'
import { isLocalizedSchema } from '../../content/schema/index.ts'
import { createConfig } from '../../cms/config.ts'

const config = await createConfig({ database: { url: 'file::memory:' }, secret: 'x' })

/** Top-level content fields of a collection, flattening rows and other unnamed layout fields. */
function payloadFields(fields: Field[]): Field[] {
  return fields.flatMap((f) => ('name' in f ? [f] : 'fields' in f ? payloadFields(f.fields) : []))
}
const generated = new Set(['id', 'createdAt', 'updatedAt', 'url', 'thumbnailURL', 'filename', 'mimeType', 'filesize', 'width', 'height', 'focalX', 'focalY', 'sizes', 'prefix'])

describe.each(contentKinds)('%s: content schema and CMS collection agree', (kind) => {
  const collection = config.collections.find((c) => c.slug === kind)!
  // `ui` fields show things in the admin and store nothing.
  const cms = payloadFields(collection.fields).filter((f) => 'name' in f && f.type !== 'ui' && !f.name.startsWith('_') && !generated.has(f.name)) as Array<
    Field & { name: string; localized?: boolean }
  >
  const shape = (schemas[kind] as unknown as z.ZodObject).shape

  it('has the same fields in the same order', () => {
    const names = cms.map((f) => f.name)
    // An upload's file name is the content's `file`, right after the slug.
    if (kind === 'media') names.splice(1, 0, 'file')
    expect(Object.keys(shape)).toEqual(names)
  })

  it('localizes the same fields', () => {
    for (const f of cms) {
      expect(isLocalizedSchema(shape[f.name]!), f.name).toBe(Boolean(f.localized))
    }
  })
})
