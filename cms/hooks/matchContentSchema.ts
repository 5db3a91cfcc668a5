/**
 * A save is refused, with the field and the reason, when the public document it would leave does
 * not pass the content schema (content/schema/) the export checks: one rule set for both, so one
 * ordinary save (min above max, a website without its scheme, a reserved slug) can no longer
 * stop every later publish. Checked before the write (SQLite saves run without a transaction, so
 * nothing could be rolled back after it): the stored document with the save applied in its
 * language, read as the export will read it. A draft save leaves the public document as it was
 * and passes; a draft may be unfinished.
 */
import { ValidationError, type CollectionBeforeChangeHook, type Field } from 'payload'
import { contentKinds, type ContentKind } from '../../content/collections.ts'
import { isLocaleCode, localeCodes, sourceLocale } from '../../locales/registry.ts'
import { onlyLocales, publishedLocales } from '../publish/localeStatus.ts'
import { contentProblems } from '../sync/validate.ts'
import { readStored } from './inTransaction.ts'
import { dataFields } from '../fields/walk.ts'

type Doc = Record<string, unknown>

const isContentKind = (slug: string): slug is ContentKind => (contentKinds as readonly string[]).includes(slug)

/** The stored document (every locale) with one locale's save applied, as the database will hold it. */
function applied(fields: Field[], stored: Doc, data: Doc, locale: string): Doc {
  const out: Doc = { ...stored }
  for (const f of dataFields(fields)) {
    if (!(f.name in data) || f.type === 'ui') continue
    const value = data[f.name]
    if ('localized' in f && f.localized) out[f.name] = { ...((stored[f.name] as Doc | null) ?? {}), [locale]: value }
    else if (f.type === 'group' && value && typeof value === 'object') out[f.name] = applied(f.fields, (stored[f.name] as Doc | null) ?? {}, value as Doc, locale)
    else if (f.type === 'array' && Array.isArray(value)) {
      const before = (stored[f.name] as Doc[] | null) ?? []
      out[f.name] = value.map((row: Doc, i) => applied(f.fields, before.find((b) => row.id && b.id === row.id) ?? before[i] ?? {}, row, locale))
    } else out[f.name] = value
  }
  return out
}

export const matchContentSchema: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection, context, operation }) => {
  const kind = collection.slug
  const locale = req.locale
  if (context.seeding || !isContentKind(kind) || !locale || !isLocaleCode(locale)) return data
  const drafts = Boolean(collection.versions?.drafts)
  if (drafts && data._status === 'draft') return data
  const stored = operation === 'update' && originalDoc?.id !== undefined ? await readStored(req, { collection: kind, id: originalDoc.id, locale: 'all', draft: false }) : null
  let next = applied(collection.fields, stored ?? {}, data, locale)
  if (drafts) {
    const status: Doc = { ...((stored?._status as Doc | undefined) ?? {}) }
    if (req.query?.publishAllLocales === 'true' || req.query?.publishAllLocales === true) for (const l of localeCodes) status[l] = 'published'
    else if (data._status === 'published') status[locale] = 'published'
    next._status = status
    const locales = publishedLocales(next)
    // Not public (its Danish is unpublished): the export leaves it out.
    if (!locales.includes(sourceLocale)) return data
    next = onlyLocales(collection.fields, next, new Set(locales))
  }
  if (kind === 'media' && data.filename) next.filename = data.filename
  const errors = contentProblems(kind, collection.fields, next)
  if (errors.length) throw new ValidationError({ collection: kind, errors, req })
  return data
}
