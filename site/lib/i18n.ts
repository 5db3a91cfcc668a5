/**
 * UI strings through i18next, from locales/<code>/<namespace>.json (common.json and one file per
 * feature that has many strings of its own; meta.json is not strings). Content text is not here:
 * it comes from content/ with its own per-field fallback (see `pick`).
 */
import i18next, { type TFunction } from 'i18next'
import { getLocale, localeCodes, sourceLocale, type LocaleCode } from '../../locales/registry.ts'
import type { Namespace } from '../../locales/strings.ts'

const files = import.meta.glob<{ default: Record<string, unknown> }>(['../../locales/*/*.json', '!../../locales/*/meta.json'], { eager: true })

const resources: Record<string, Record<string, Record<string, unknown>>> = {}
for (const [file, mod] of Object.entries(files)) {
  const [code, name] = file.split('/').slice(-2) as [string, string]
  resources[code] ??= {}
  resources[code][name.replace(/\.json$/, '')] = mod.default
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

/**
 * The UI strings of one language; `namespace` picks a feature's own file (default common.json).
 * Keys are typed from the Danish files (locales/strings.ts).
 */
export function useTranslations<N extends Namespace = 'common'>(lang: LocaleCode, namespace?: N): TFunction<N> {
  return instance.getFixedT(lang, namespace ?? 'common') as TFunction<N>
}

export { isMachine, pick, usesFallback, type Picked } from './localized.ts'
