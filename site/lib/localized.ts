/**
 * Content fields in the reader's language with per-field fallback. Plain functions (no i18next, no
 * Vite), so scripts and tests use exactly what the pages use.
 */
import { fallbackChain, sourceLocale, type LocaleCode } from '../../locales/registry.ts'
import type { Localized } from '../../content/schema/index.ts'

export interface Picked<T> {
  value: T
  /** The locale the value is really in: differs from the reader's when it is fallback text. */
  lang: LocaleCode
  isFallback: boolean
}

/** A content field in the reader's language, or in her language's fallback (then marked so). */
export function pick<T>(field: Localized<T>, lang: LocaleCode): Picked<T> {
  for (const code of fallbackChain(lang)) {
    const value = field[code]
    if (value !== undefined) return { value, lang: code, isFallback: code !== lang }
  }
  throw new Error(`No ${sourceLocale} text in a field that requires it`)
}

/** Whether any of these fields shows fallback text to a reader of `lang`. */
export function usesFallback(lang: LocaleCode, ...fields: Array<Localized<unknown> | undefined>): boolean {
  return fields.some((f) => f !== undefined && Object.keys(f).length > 0 && pick(f, lang).isFallback)
}

/** The reader's translation is unreviewed (machine or demonstration text). */
export function isMachine(doc: { translationStatus?: Localized<string> }, lang: LocaleCode): boolean {
  return lang !== sourceLocale && doc.translationStatus?.[lang] === 'machine'
}
