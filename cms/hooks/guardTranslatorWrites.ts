/**
 * What a translator may write, enforced with a message instead of Payload's silence (it drops
 * writes to fields without update access without a word):
 * only the localized text of her own languages: a changed non-localized value (a duration, a theme,
 * an address) is refused, naming the fields. Her publish publishes only her language (the status
 * is per locale, see cms/collections/options.ts); "publish all locales", which would publish other
 * people's drafts, Danish included, is refused.
 */
import { ValidationError, type CollectionBeforeChangeHook, type Field } from 'payload'
import { staffOf } from '../access/roles.ts'
import { Refused } from '../errors.ts'

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

export const guardTranslatorWrites: CollectionBeforeChangeHook = ({ data, originalDoc, req, collection, operation }) => {
  if (staffOf(req)?.role !== 'translator' || operation !== 'update' || !originalDoc) return data
  const everyLocale = (flag: unknown) => flag === true || flag === 'true'
  if (everyLocale(req.query?.publishAllLocales) || everyLocale(req.query?.unpublishAllLocales))
    throw new Refused('A translator publishes her own language only: use "Publish in" for your language. Publishing all languages would also publish other people\'s drafts.', 403)
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
  return data
}
