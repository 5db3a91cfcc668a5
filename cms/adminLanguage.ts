/**
 * Our own texts for the admin's people, in the language the admin speaks to them (Payload's i18n
 * for the request: her account's choice, else her browser's); English for API clients that name
 * none, as Payload's own messages (cms/config.ts, fallbackLanguage).
 */
import type { PayloadRequest } from 'payload'
import { getLocale, type Locale } from '../locales/registry.ts'

export type AdminLanguage = 'da' | 'en'

/** A text in both of the admin's languages: the type check finds a missing one. */
export type Bilingual<T = string> = Record<AdminLanguage, T>

export const adminLanguageOf = (i18n?: { language?: string } | null): AdminLanguage => (i18n?.language === 'da' ? 'da' : 'en')

export const inAdminLanguage = <T>(req: Pick<PayloadRequest, 'i18n'>, text: Bilingual<T>): T => text[adminLanguageOf(req.i18n)]

/** A language as staff read it: its own name, then the admin's name for it ("العربية (arabisk)"). */
export const languageLabel = (l: Pick<Locale, 'endonym' | 'name' | 'danish'>): Bilingual => ({ da: `${l.endonym} (${l.danish})`, en: `${l.endonym} (${l.name})` })

/** A language's name in the admin's language ("arabisk", "Arabic"); capitalised to begin a line ("Arabisk"). */
export function languageName(code: string, lang: AdminLanguage, opts: { capitalised?: boolean } = {}): string {
  const name = lang === 'da' ? getLocale(code).danish : getLocale(code).name
  return opts.capitalised ? name.charAt(0).toUpperCase() + name.slice(1) : name
}
