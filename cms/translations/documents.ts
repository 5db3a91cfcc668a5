/**
 * CMS documents as content/ documents, for the translation views in the admin: the same
 * functions (content/translations.ts) then give the same states as the site and the report.
 */
import type { CollectionSlug, Payload } from 'payload'
import { contentKinds, type ContentKind } from '../../content/collections.ts'
import { project, sourceHash } from '../../content/translations.ts'
import { sourceLocale } from '../../locales/registry.ts'
import { fromPayload } from '../sync/convert.ts'

export type ContentDoc = Record<string, unknown>

// Only translatable text matters here, so references may stay ids.
const ids = { slugOf: (_: string, id: unknown) => String(id), idOf: () => '' }

export function asContent(payload: Payload, collection: string, stored: unknown): ContentDoc {
  return fromPayload(payload.collections[collection as CollectionSlug].config.fields, stored as ContentDoc, ids, () => {})
}

/** The latest version (draft or published) of a document, every locale. */
export async function contentDocument(payload: Payload, collection: string, id: number | string): Promise<ContentDoc> {
  const stored = await payload.findByID({ collection: collection as CollectionSlug, id, locale: 'all', draft: true, depth: 0, overrideAccess: true })
  return asContent(payload, collection, stored)
}

/** Every document of the content collections, latest versions, as a content set. */
export async function contentSet(payload: Payload): Promise<Record<ContentKind, ContentDoc[]>> {
  return (await contentSetWithIds(payload)).set
}

/** The content set, and each document's id in the CMS by collection and slug (for links to it). */
export async function contentSetWithIds(payload: Payload): Promise<{ set: Record<ContentKind, ContentDoc[]>; ids: Record<ContentKind, Map<string, number | string>> }> {
  const entries = await Promise.all(
    contentKinds.map(async (kind) => {
      const { docs } = await payload.find({ collection: kind, locale: 'all', draft: true, depth: 0, pagination: false, overrideAccess: true })
      const content = docs.map((d) => asContent(payload, kind, d))
      return [kind, content, new Map(content.map((c, i) => [String(c.slug), docs[i]!.id]))] as const
    }),
  )
  return {
    set: Object.fromEntries(entries.map(([k, c]) => [k, c])) as Record<ContentKind, ContentDoc[]>,
    ids: Object.fromEntries(entries.map(([k, , i]) => [k, i])) as Record<ContentKind, Map<string, number | string>>,
  }
}

/**
 * The Danish text a translation was made from: the newest earlier version whose Danish text of
 * that field has the recorded hash. Undefined when the history no longer has it.
 */
export async function sourceTextAt(payload: Payload, collection: string, id: number | string, field: string, hash: string): Promise<unknown> {
  const { docs } = await payload.findVersions({
    collection: collection as CollectionSlug,
    where: { parent: { equals: id } },
    locale: 'all',
    sort: '-updatedAt',
    limit: 100,
    depth: 0,
    overrideAccess: true,
  })
  for (const v of docs) {
    const doc = asContent(payload, collection, v.version)
    if (doc[field] !== undefined && sourceHash(doc, field) === hash) return project(doc[field], sourceLocale)
  }
  return undefined
}

/** A field's text as plain lines, for showing and diffing. */
export function plainText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (Array.isArray(value)) return value.map(plainText).join('\n')
  if (typeof value === 'object') return Object.values(value).map(plainText).filter(Boolean).join('\n')
  return String(value)
}
