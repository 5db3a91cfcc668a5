/**
 * UI strings through i18next, from locales/<code>/common.json. Content text is not here: it comes
 * from content/ with its own per-field fallback (see `pick`).
 */
import i18next, { type TFunction } from 'i18next'
import { getLocale, localeCodes, sourceLocale, type LocaleCode } from '../../locales/registry.ts'
import type { Localized } from '../../content/schema/index.ts'

const files = import.meta.glob<{ default: Record<string, string> }>('../../locales/*/common.json', { eager: true })

const resources = Object.fromEntries(
  Object.entries(files).map(([file, mod]) => [file.split('/').at(-2)!, { common: mod.default }]),
)

const instance = i18next.createInstance()
await instance.init({
  resources,
  supportedLngs: localeCodes,
  // A missing UI string shows in the language's registry fallback, then Danish.
  fallbackLng: {
    default: [sourceLocale],
    ...Object.fromEntries(localeCodes.map((code) => [code, [getLocale(code).fallback ?? sourceLocale, sourceLocale]])),
  },
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // Astro escapes on output
  initAsync: false,
})

export function useTranslations(lang: LocaleCode): TFunction {
  return instance.getFixedT(lang)
}

export interface Picked<T> {
  value: T
  /** The locale the value is really in: differs from the reader's when it is fallback text. */
  lang: LocaleCode
  isFallback: boolean
}

/** A content field in the reader's language, or in her language's fallback (then marked so). */
export function pick<T>(field: Localized<T>, lang: LocaleCode): Picked<T> {
  const chain: LocaleCode[] = [lang, getLocale(lang).fallback ?? sourceLocale, sourceLocale]
  for (const code of chain) {
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
