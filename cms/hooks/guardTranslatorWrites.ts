/**
 * What a translator may write, enforced with a message instead of Payload's silence (it drops
 * writes to fields without update access without a word):
 * only the localized text of her own languages: a changed non-localized value (a duration, a theme,
 * an address, one end of an age range, a map position) is refused, naming the field. Her publish
 * publishes only her language (the status is per locale, see cms/collections/options.ts), but
 * Payload publishes the shared values of the save with it: while someone's unpublished draft
 * changes one, her publish is refused (her draft is not). "Publish all locales", which would
 * publish other people's drafts, Danish included, is refused. So is restoring a
 * version: a version holds every language, and Payload checks access only for the request's.
 */
import { ValidationError, type CollectionBeforeChangeHook, type Field } from 'payload'
import { staffOf } from '../access/roles.ts'
import { Refused } from '../errors.ts'
import { dataFields, nestedFields } from '../fields/walk.ts'
import { readStored } from './inTransaction.ts'
import { inAdminLanguage } from '../adminLanguage.ts'

// Payload's own fields and the provenance, which recordProvenance sets from the stored document.
const system = new Set(['id', 'createdAt', 'updatedAt', '_status', 'sourceHashes', 'sourceUpdated', 'translationStatus'])

const comparable = (field: Field, value: unknown): unknown => {
  if (value === null || value === undefined || value === '') return null
  if (field.type === 'relationship' || field.type === 'upload') {
    const id = (v: unknown) => String(v && typeof v === 'object' ? (v as { id: unknown }).id : v)
    return Array.isArray(value) ? value.map(id) : id(value)
  }
  if (field.type === 'number') return Array.isArray(value) ? value.map(Number) : Number(value)
  return value
}

/** The dotted paths of shared (non-localized) values that differ between `after` and `before`. */
function changedShared(fields: Field[], after: Record<string, unknown>, before: Record<string, unknown>, prefix = ''): string[] {
  return dataFields(fields).flatMap((field) => {
    const path = prefix + field.name
    if (field.type === 'ui' || system.has(path) || !(field.name in after)) return []
    if ('localized' in field && field.localized) return []
    const a = after[field.name]
    const b = before?.[field.name]
    if (field.type === 'group' && 'fields' in field) return changedShared(field.fields, (a ?? {}) as Record<string, unknown>, (b ?? {}) as Record<string, unknown>, `${path}.`)
    if (field.type === 'array' || field.type === 'blocks') {
      const rows = (v: unknown) => (Array.isArray(v) ? (v as Array<Record<string, unknown>>) : [])
      const [ra, rb] = [rows(a), rows(b)]
      // Adding, removing or reordering rows changes every language: the array itself is shared.
      if (ra.length !== rb.length || ra.some((row, i) => row.id && rb[i]?.id && row.id !== rb[i]!.id)) return [path]
      return ra.flatMap((row, i) => {
        return changedShared(nestedFields(field, row), row, rb[i]!, `${path}.${i}.`)
      })
    }
    return JSON.stringify(comparable(field, a)) === JSON.stringify(comparable(field, b)) ? [] : [path]
  })
}

/**
 * Puts the stored shared values back into her save. Her form may hold older ones (the admin shows
 * the latest Arabic, while an editor's later draft changed a duration); saving them would undo
 * the editor's draft.
 */
function keepShared(fields: Field[], data: Record<string, unknown>, stored: Record<string, unknown>): void {
  for (const field of dataFields(fields)) {
    if (field.type === 'ui' || system.has(field.name) || !(field.name in data) || ('localized' in field && field.localized)) continue
    const [a, b] = [data[field.name], stored?.[field.name]]
    if (field.type === 'group' && 'fields' in field && a && typeof a === 'object' && b && typeof b === 'object') keepShared(field.fields, a as Record<string, unknown>, b as Record<string, unknown>)
    else if (field.type === 'array' && Array.isArray(a) && Array.isArray(b) && a.length === b.length)
      for (const [i, row] of a.entries()) keepShared(field.fields, row as Record<string, unknown>, b[i] as Record<string, unknown>)
    else data[field.name] = b ?? null
  }
}

export const guardTranslatorWrites: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection, operation, context }) => {
  if (staffOf(req)?.role !== 'translator' || operation !== 'update' || !originalDoc) return data
  if (context.isRestoringVersion)
    throw new Refused(
      inAdminLanguage(req, {
        da: 'En oversætter kan ikke gendanne en version: en version rummer alle sprog, ikke kun dine. Bed en redaktør om at gendanne den.',
        en: 'A translator cannot restore a version: a version holds every language, not only yours. Ask an editor to restore it.',
      }),
      403,
    )
  const everyLocale = (flag: unknown) => flag === true || flag === 'true'
  if (everyLocale(req.query?.publishAllLocales) || everyLocale(req.query?.unpublishAllLocales))
    throw new Refused(
      inAdminLanguage(req, {
        da: 'En oversætter udgiver kun sit eget sprog: brug "Offentliggør i" for dit sprog. At udgive alle sprog ville også udgive andres kladder.',
        en: 'A translator publishes her own language only: use "Publish in" for your language. Publishing all languages would also publish other people\'s drafts.',
      }),
      403,
    )
  let changed = changedShared(collection.fields, data, originalDoc)
  const publishing = collection.versions && data._status !== 'draft'
  if ((changed.length || publishing) && collection.versions) {
    const read = (draft: boolean) => readStored(req, { collection: collection.slug, id: originalDoc.id, locale: req.locale ?? 'da', draft })
    const latestHers = await read(true)
    const published = await read(false)
    // Payload publishes the shared values of the save with her language: an editor's unpublished
    // change to one (in the latest draft) would go live with her Arabic. Her draft keeps both.
    const pending = publishing && published ? changedShared(collection.fields, originalDoc, published) : []
    if (pending.length)
      throw new Refused(
        inAdminLanguage(req, {
          da: `En andens kladde, der ikke er udgivet, ændrer ${pending.join(', ')}, som alle sprog deler; udgiver du dit sprog nu, udgives den ændring også. Gem din tekst som kladde, eller bed en redaktør om at udgive.`,
          en: `Someone's unpublished draft changes ${pending.join(', ')}, which every language shares; publishing your language now would publish that change too. Save your text as a draft, or ask an editor to publish.`,
        }),
        409,
        { fields: pending },
      )
    // A value she was shown is not hers either: the latest in her language, or the published one.
    const alsoNew = [latestHers, published].map((doc) => new Set(doc ? changedShared(collection.fields, data, doc) : changed))
    changed = changed.filter((path) => alsoNew.every((paths) => paths.has(path)))
  }
  if (changed.length)
    throw new ValidationError({
      collection: collection.slug,
      errors: changed.map((path) => ({
        path,
        message: inAdminLanguage(req, {
          da: 'En oversætter ændrer kun teksten på sine egne sprog; dette felt er det samme på alle sprog. Spørg en redaktør.',
          en: 'A translator changes only the text of her own languages; this field is the same in every language. Ask an editor.',
        }),
      })),
      req,
    })
  keepShared(collection.fields, data, originalDoc)
  return data
}
