/**
 * The single home of the languages Modersmål speaks. Payload, Astro, i18next, Pagefind and every
 * script import this module; no other file may list locale codes.
 *
 * Adding a language: add one entry below and a `locales/<code>/` folder with its UI strings
 * (see README, "Adding a language").
 */

export type Direction = 'ltr' | 'rtl'

/** Font families we self-host for scripts that cheap phones often lack; `system` needs none. */
export type FontFamily = 'system' | 'Noto Naskh Arabic' | 'Noto Nastaliq Urdu' | 'Noto Sans Ethiopic' | 'Noto Sans Thai'

export interface LocaleDefinition {
  /** BCP 47 language tag, as used in URLs, `<html lang>` and Payload. */
  code: string
  /** English name, for editors and logs. */
  name: string
  /** Danish name, lower case as Danish writes it, for the admin in Danish. */
  danish: string
  /** The language's name in its own script, for the language chooser. */
  endonym: string
  /** ISO 15924 script code. */
  script: string
  font: FontFamily
  /**
   * Which locale a reader sees while a text is untranslated. Danish is the source; English where
   * readers of the language are far more likely to read English than Danish.
   */
  fallback: 'da' | 'en' | null
  /**
   * A language the programme has committed to: the share of its text fields that must be
   * translated and current (machine or reviewed, not missing or outdated). `npm run
   * translations:report` fails when one falls below. Absent: tracked, no commitment.
   */
  required?: number
}

export interface Locale extends Omit<LocaleDefinition, 'code'> {
  code: LocaleCode
  dir: Direction
}

const definitions = [
  { code: 'da', name: 'Danish', danish: 'dansk', endonym: 'Dansk', script: 'Latn', font: 'system', fallback: null },
  { code: 'en', name: 'English', danish: 'engelsk', endonym: 'English', script: 'Latn', font: 'system', fallback: 'da', required: 0.9 },
  { code: 'ar', name: 'Arabic', danish: 'arabisk', endonym: 'العربية', script: 'Arab', font: 'Noto Naskh Arabic', fallback: 'da', required: 0.35 },
  { code: 'fa', name: 'Farsi', danish: 'farsi', endonym: 'فارسی', script: 'Arab', font: 'Noto Naskh Arabic', fallback: 'da' },
  { code: 'prs', name: 'Dari', danish: 'dari', endonym: 'دری', script: 'Arab', font: 'Noto Naskh Arabic', fallback: 'da' },
  { code: 'ps', name: 'Pashto', danish: 'pashto', endonym: 'پښتو', script: 'Arab', font: 'Noto Naskh Arabic', fallback: 'da' },
  { code: 'ur', name: 'Urdu', danish: 'urdu', endonym: 'اردو', script: 'Arab', font: 'Noto Nastaliq Urdu', fallback: 'en' },
  { code: 'so', name: 'Somali', danish: 'somali', endonym: 'Soomaali', script: 'Latn', font: 'system', fallback: 'da' },
  { code: 'ti', name: 'Tigrinya', danish: 'tigrinya', endonym: 'ትግርኛ', script: 'Ethi', font: 'Noto Sans Ethiopic', fallback: 'da' },
  { code: 'ku', name: 'Kurdish (Kurmanji)', danish: 'kurdisk (kurmanji)', endonym: 'Kurmancî', script: 'Latn', font: 'system', fallback: 'da' },
  { code: 'ckb', name: 'Kurdish (Sorani)', danish: 'kurdisk (sorani)', endonym: 'کوردیی ناوەندی', script: 'Arab', font: 'Noto Naskh Arabic', fallback: 'da' },
  { code: 'tr', name: 'Turkish', danish: 'tyrkisk', endonym: 'Türkçe', script: 'Latn', font: 'system', fallback: 'da' },
  { code: 'uk', name: 'Ukrainian', danish: 'ukrainsk', endonym: 'Українська', script: 'Cyrl', font: 'system', fallback: 'en' },
  { code: 'ru', name: 'Russian', danish: 'russisk', endonym: 'Русский', script: 'Cyrl', font: 'system', fallback: 'en' },
  { code: 'pl', name: 'Polish', danish: 'polsk', endonym: 'Polski', script: 'Latn', font: 'system', fallback: 'en' },
  { code: 'ro', name: 'Romanian', danish: 'rumænsk', endonym: 'Română', script: 'Latn', font: 'system', fallback: 'en' },
  { code: 'lt', name: 'Lithuanian', danish: 'litauisk', endonym: 'Lietuvių', script: 'Latn', font: 'system', fallback: 'en' },
  { code: 'bg', name: 'Bulgarian', danish: 'bulgarsk', endonym: 'Български', script: 'Cyrl', font: 'system', fallback: 'en' },
  { code: 'vi', name: 'Vietnamese', danish: 'vietnamesisk', endonym: 'Tiếng Việt', script: 'Latn', font: 'system', fallback: 'en' },
  { code: 'th', name: 'Thai', danish: 'thai', endonym: 'ไทย', script: 'Thai', font: 'Noto Sans Thai', fallback: 'en' },
  { code: 'tl', name: 'Tagalog', danish: 'tagalog', endonym: 'Tagalog', script: 'Latn', font: 'system', fallback: 'en' },
] as const satisfies readonly LocaleDefinition[]

export type LocaleCode = (typeof definitions)[number]['code']

/** The source language: every document is written in it first. */
export const sourceLocale = 'da' satisfies LocaleCode

/**
 * Scripts written right to left. Used only where the runtime's `Intl.Locale` has no text info
 * (older engines) or does not know the language (ICU lacks likely-subtag data for some codes).
 */
export const rtlScripts: ReadonlySet<string> = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand'])

interface TextInfoLocale extends Intl.Locale {
  getTextInfo?: () => { direction?: string }
  textInfo?: { direction?: string }
}

/** Direction of a language written in a script, from `Intl.Locale` text info when available. */
export function directionOf(code: string, script: string): Direction {
  try {
    const locale = new Intl.Locale(code, { script }) as TextInfoLocale
    const info = locale.getTextInfo?.() ?? locale.textInfo
    if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction
  } catch {
    // An engine that rejects the tag falls through to the script list.
  }
  return rtlScripts.has(script) ? 'rtl' : 'ltr'
}

export const locales: readonly Locale[] = definitions.map((d) => ({ ...d, dir: directionOf(d.code, d.script) }))

export const localeCodes = locales.map((l) => l.code) as LocaleCode[]

const byCode = new Map<string, Locale>(locales.map((l) => [l.code, l]))

export function isLocaleCode(code: unknown): code is LocaleCode {
  return typeof code === 'string' && byCode.has(code)
}

const chains = new Map<LocaleCode, readonly LocaleCode[]>()

/** Where a reader of `code` is given text her language lacks: her language, its fallback, Danish. */
export function fallbackChain(code: LocaleCode): readonly LocaleCode[] {
  let chain = chains.get(code)
  if (!chain) {
    // Made once per language: every fallback pick of every page asks (millions at 5,000 activities).
    chain = Object.freeze([...new Set<LocaleCode>([code, getLocale(code).fallback ?? sourceLocale, sourceLocale])])
    chains.set(code, chain)
  }
  return chain
}

/** The registry entry for a code; throws with the list of known codes for anything else. */
export function getLocale(code: string): Locale {
  const locale = byCode.get(code)
  if (!locale) throw new Error(`Unknown locale "${code}". Known locales: ${localeCodes.join(', ')}`)
  return locale
}

/** Locales a translator can work in: every locale but the source. */
export const targetLocaleCodes = localeCodes.filter((c) => c !== sourceLocale)
