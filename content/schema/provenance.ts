/**
 * Where a document's translations come from: the status per language (machine or reviewed), the
 * hash of the Danish each was made from, the day each Danish text last changed, and the rules that
 * keep them consistent with the text the document holds.
 */
import { z } from 'zod'
import { localeCodes, sourceLocale, type LocaleCode } from '../../locales/registry.ts'
import { provenanceKeys, translatableFields } from '../translations.ts'
import { isoDate, type Localized } from './fields.ts'
import { translationStatuses } from './vocabulary.ts'

/** A map keyed by target locales: known codes, and never Danish (the source). */
export function targetLocaleMap<T extends z.ZodType>(value: T) {
  return z.record(z.string(), value).superRefine((map, ctx) => {
    for (const key of Object.keys(map)) {
      if (key === sourceLocale) ctx.addIssue({ code: 'custom', path: [key], message: 'Danish is the source; it has no translation status' })
      else if (!(localeCodes as string[]).includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: `unknown locale "${key}" (known: ${localeCodes.join(', ')})` })
    }
  })
}

/** Translation status per target locale; Danish is the source and carries none. */
export const translationStatus = targetLocaleMap(z.enum(translationStatuses)).meta({ localized: true }) as unknown as z.ZodType<Localized<(typeof translationStatuses)[number]>>

/** Per target locale and field: the hash of the Danish text the translation was made from. */
export const sourceHashes = targetLocaleMap(z.record(z.string(), z.string().regex(/^[0-9a-f]{12}$/, 'must be a 12-digit hexadecimal source hash'))).meta({ localized: true }) as unknown as z.ZodType<
  Localized<Record<string, string>>
>

/** Per field: the day its Danish text last changed. */
export const sourceUpdated = z.record(z.string(), isoDate)

/**
 * Every locale that holds any translated text must say how far it can be trusted, and a status
 * may not be claimed for a locale that holds no text.
 */
export function withTranslationStatus<T extends z.ZodObject>(schema: T) {
  return schema.superRefine((doc: Record<string, unknown>, ctx) => {
    const present = new Set<string>(localesIn(doc))
    const status = (doc.translationStatus ?? {}) as Record<string, unknown>
    for (const code of present) {
      if (code !== sourceLocale && !(code in status))
        ctx.addIssue({
          code: 'custom',
          path: ['translationStatus'],
          message: `locale "${code}" has text but no translation status (machine or reviewed)`,
        })
    }
    for (const code of Object.keys(status)) {
      if (!present.has(code)) ctx.addIssue({ code: 'custom', path: ['translationStatus', code], message: `locale "${code}" has a status but no text` })
    }
    const fields = new Set(translatableFields(doc))
    for (const [code, hashes] of Object.entries((doc.sourceHashes ?? {}) as Record<string, Record<string, string>>)) {
      if (!present.has(code)) ctx.addIssue({ code: 'custom', path: ['sourceHashes', code], message: `locale "${code}" has source hashes but no text` })
      for (const field of Object.keys(hashes)) if (!fields.has(field)) ctx.addIssue({ code: 'custom', path: ['sourceHashes', code, field], message: `"${field}" is not a translatable field` })
    }
    for (const field of Object.keys((doc.sourceUpdated ?? {}) as Record<string, string>))
      if (!fields.has(field)) ctx.addIssue({ code: 'custom', path: ['sourceUpdated', field], message: `"${field}" is not a translatable field` })
  })
}

/** The locales a document has any text in (keys of its localized maps), in registry order. */
export function localesIn(doc: unknown): LocaleCode[] {
  const found = new Set<string>()
  const walk = (value: unknown, top: boolean) => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, false)
      return
    }
    if (!value || typeof value !== 'object') return
    for (const [key, v] of Object.entries(value)) {
      if (top && (provenanceKeys as readonly string[]).includes(key)) continue
      if ((localeCodes as string[]).includes(key)) found.add(key)
      else walk(v, false)
    }
  }
  walk(doc, true)
  return localeCodes.filter((c) => found.has(c))
}
