/**
 * What a translator may write, enforced with a message instead of Payload's silence (it drops
 * writes to fields without update access without a word):
 * - only the localized text of her own languages: a changed non-localized value (a duration, a
 *   theme, an address) is refused, naming the fields;
 * - publishing her language must not publish someone else's unpublished work: without per-locale
 *   status a publish publishes every locale, so it is refused while another language (Danish
 *   included) has unpublished changes, naming them.
 */
import { APIError, ValidationError, type CollectionBeforeChangeHook, type Field } from 'payload'
import { getLocale, localeCodes } from '../../locales/registry.ts'
import { project, translatableFields } from '../../content/translations.ts'
import { staffOf } from '../access/roles.ts'
import { asContent } from '../translations/documents.ts'

const system = new Set(['id', 'createdAt', 'updatedAt', '_status', 'sourceHashes', 'sourceUpdated', 'translationStatus'])

/** A value with its localized parts left out, ids of relations flattened: what a translator must not change. */
function nonLocalized(field: Field, value: unknown): unknown {
  if ('localized' in field && field.localized) return undefined
  if (value === null || value === undefined) return null
  if ((field.type === 'group' || field.type === 'row' || field.type === 'collapsible') && 'fields' in field)
    return Object.fromEntries(field.fields.filter((f) => 'name' in f).map((f) => [(f as { name: string }).name, nonLocalized(f, (value as Record<string, unknown>)[(f as { name: string }).name])]))
  if (field.type === 'array' && Array.isArray(value))
    return value.map((row: Record<string, unknown>) => Object.fromEntries(field.fields.filter((f) => 'name' in f).map((f) => [(f as { name: string }).name, nonLocalized(f, row[(f as { name: string }).name])])))
  if (field.type === 'relationship' || field.type === 'upload') {
    const id = (v: unknown) => (v && typeof v === 'object' ? (v as { id: unknown }).id : v)
    return Array.isArray(value) ? value.map(id) : id(value)
  }
  if (field.type === 'number' && value !== '') return Number(value)
  return value
}

const named = (fields: Field[]): Array<Field & { name: string }> =>
  fields.flatMap((f) => ('name' in f ? [f as Field & { name: string }] : 'fields' in f ? named(f.fields) : []))

export const guardTranslatorWrites: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection, operation }) => {
  if (staffOf(req)?.role !== 'translator' || operation !== 'update' || !originalDoc) return data
  const changed = named(collection.fields)
    .filter((f) => f.type !== 'ui' && !system.has(f.name) && f.name in data)
    .filter((f) => JSON.stringify(nonLocalized(f, data[f.name])) !== JSON.stringify(nonLocalized(f, originalDoc[f.name])))
    .map((f) => f.name)
  if (changed.length)
    throw new ValidationError({
      collection: collection.slug,
      errors: changed.map((path) => ({ path, message: 'A translator changes only the text of her own languages; this field is the same in every language. Ask an editor.' })),
      req,
    })

  if (data._status !== 'published') return data
  // Restore the request's locale after the local API calls (they set req.locale to theirs).
  const { locale, fallbackLocale } = req
  const read = (draft: boolean) =>
    req.payload
      .findByID({ collection: collection.slug, id: originalDoc.id, locale: 'all', draft, depth: 0, req, overrideAccess: true })
      .finally(() => Object.assign(req, { locale, fallbackLocale }))
  const latest = asContent(req.payload, collection.slug, await read(true))
  const published = asContent(req.payload, collection.slug, await read(false))
  const pending = localeCodes.filter(
    (l) => l !== locale && translatableFields(latest).some((f) => JSON.stringify(project(latest[f], l)) !== JSON.stringify(project(published[f], l))),
  )
  if (pending.length)
    throw new APIError(
      `Publishing now would also publish unpublished changes in ${pending.map((l) => getLocale(l).name).join(', ')}. Save your translation as a draft, or ask an editor to publish those changes first.`,
      403,
      undefined,
      true,
    )
  return data
}
