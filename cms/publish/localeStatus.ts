/**
 * Per-locale publishing (Payload's localized status, `experimental.localizeStatus`): `_status` is
 * kept per locale, so publishing Arabic publishes only the Arabic text and never an unfinished
 * Somali draft. Read with one locale, `_status` is that locale's string; read with `locale: 'all'`
 * it is a map. These helpers are the one place that knows both shapes.
 */
import type { Field } from 'payload'
import { localeCodes, type LocaleCode } from '../../locales/registry.ts'
import { dataFields } from '../fields/walk.ts'

type Doc = Record<string, unknown>

export function statusIn(doc: Doc, locale: LocaleCode): 'published' | 'draft' | undefined {
  const status = doc._status
  if (typeof status === 'string') return status as 'published' | 'draft'
  if (status && typeof status === 'object') return (status as Record<string, 'published' | 'draft' | null>)[locale] ?? undefined
  return undefined
}

/** The locales a document (read with `locale: 'all'`) is published in. */
export const publishedLocales = (doc: Doc): LocaleCode[] => localeCodes.filter((l) => statusIn(doc, l) === 'published')

/**
 * A document read with `locale: 'all'`, with the values of localized fields kept only for `keep`:
 * the stored document also holds text of locales that were unpublished since, which the public
 * snapshot must not carry.
 */
export function onlyLocales(fields: Field[], doc: Doc, keep: ReadonlySet<string>): Doc {
  const out: Doc = { ...doc }
  for (const f of dataFields(fields)) {
    const value = out[f.name]
    if (value === null || value === undefined) continue
    if ('localized' in f && f.localized) {
      out[f.name] = Object.fromEntries(Object.entries(value as Doc).filter(([locale]) => keep.has(locale)))
    } else if (f.type === 'group') {
      out[f.name] = onlyLocales(f.fields, value as Doc, keep)
    } else if (f.type === 'array' && Array.isArray(value)) {
      out[f.name] = value.map((row: Doc) => onlyLocales(f.fields, row, keep))
    }
  }
  return out
}
