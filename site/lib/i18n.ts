/**
 * UI strings through i18next, from locales/<code>/<namespace>.json (common.json and one file per
 * feature that has many strings of its own; meta.json is not strings). Content text is not here:
 * it comes from content/ with its own per-field fallback (see `pick`).
 */
import i18next, { type TFunction } from 'i18next'
import { getLocale, localeCodes, sourceLocale, type LocaleCode } from '../../locales/registry.ts'
import type { Localized } from '../../content/schema/index.ts'

const files = import.meta.glob<{ default: Record<string, unknown> }>(['../../locales/*/*.json', '!../../locales/*/meta.json'], { eager: true })

const resources: Record<string, Record<string, Record<string, unknown>>> = {}
for (const [file, mod] of Object.entries(files)) {
  const [code, name] = file.split('/').slice(-2) as [string, string]
  ;(resources[code] ??= {})[name.replace(/\.json$/, '')] = mod.default
}

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

/** The UI strings of one language; `namespace` picks a feature's own file (default common.json). */
export function useTranslations(lang: LocaleCode, namespace = 'common'): TFunction {
  return instance.getFixedT(lang, namespace)
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
