/**
 * Keeps the provenance of translations (content/translations.ts) as people edit:
 * - a save in Danish stamps today's date on each field whose Danish text changed;
 * - a save in another language records, for each field whose text changed there, the hash of the
 *   Danish text it now matches. Marking a language "reviewed" confirms all of its fields.
 * The seed and imports set provenance themselves (context.seeding / context.provenance).
 */
import type { CollectionBeforeChangeHook, Field } from 'payload'
import { isLocaleCode, sourceLocale } from '../../locales/registry.ts'
import { fieldState, sourceHash, translatableFields } from '../../content/translations.ts'
import { fromPayload } from '../sync/convert.ts'
import { readStored } from './inTransaction.ts'
import { dataFields, holdsLocalized } from '../fields/walk.ts'

/** Top-level fields that hold localized text anywhere inside them. */
export function localizedTopFields(fields: Field[]): string[] {
  return dataFields(fields)
    .filter(holdsLocalized)
    .map((f) => f.name)
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
const today = () => new Date().toISOString().slice(0, 10)
const ignore = ['translationStatus', 'sourceHashes', 'sourceUpdated']

export const recordProvenance: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection, context, operation }) => {
  if (context.seeding || context.provenance === 'keep') return data
  // Provenance is derived here, never taken from the request: a hand-made save could otherwise
  // mark a translation current (or the Danish changed) without anyone having written it.
  if ('sourceHashes' in data) data.sourceHashes = originalDoc?.sourceHashes ?? null
  if ('sourceUpdated' in data) data.sourceUpdated = originalDoc?.sourceUpdated ?? null
  const locale = req.locale
  if (!locale || !isLocaleCode(locale)) return data
  const fields = localizedTopFields(collection.fields).filter((f) => !ignore.includes(f))
  const changed = fields.filter((f) => f in data && !same(data[f], originalDoc?.[f]))

  if (locale === sourceLocale) {
    if (changed.length) data.sourceUpdated = { ...((originalDoc?.sourceUpdated as object | undefined) ?? {}), ...Object.fromEntries(changed.map((f) => [f, today()])) }
    return data
  }

  const reviewedNow = data.translationStatus === 'reviewed' && originalDoc?.translationStatus !== 'reviewed'
  if ((changed.length === 0 && !reviewedNow) || operation === 'create' || !originalDoc?.id) return data
  // The Danish text as stored now, in content/ form, so the hash is the one the site and the
  // report compute from the exported files.
  const stored = await readStored(req, { collection: collection.slug, id: originalDoc.id, locale: 'all', draft: true })
  if (!stored) return data
  const ids = { slugOf: (_: string, id: unknown) => String(id), idOf: () => '' }
  const doc = fromPayload(collection.fields, stored as Record<string, unknown>, ids, () => {})
  const withDanish = new Set(translatableFields(doc))
  // A review confirms every field that has text in this language; an edit, the fields edited.
  const stamp = new Set([...changed, ...(reviewedNow ? fields.filter((f) => withDanish.has(f) && fieldState(doc, locale, f) !== 'missing') : [])])
  const hashes = Object.fromEntries([...stamp].filter((f) => withDanish.has(f)).map((f) => [f, sourceHash(doc, f)]))
  data.sourceHashes = { ...((originalDoc.sourceHashes as object | null | undefined) ?? {}), ...hashes }
  return data
}
