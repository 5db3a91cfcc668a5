/**
 * A translator works in her own languages: the admin's language menu offers her those and Danish
 * (the source she reads), and a write in any other is refused with a reason she can act on, not
 * Payload's bare "not allowed" (the update access, ./roles.ts, is what refuses it).
 */
import type { PayloadRequest } from 'payload'
import { getLocale, isLocaleCode, sourceLocale } from '../../locales/registry.ts'
import { inAdminLanguage, languageLabel } from '../adminLanguage.ts'
import { contentAccess, municipalityAccess, staffOf, translatorMayWrite } from './roles.ts'

const herLocales = (req: PayloadRequest): string[] | undefined => {
  const user = staffOf(req)
  return user?.role === 'translator' ? (user.translatorLocales ?? []) : undefined
}

/** The languages of the admin's menu for this person: all for everyone but a translator. */
export function menuLocales<L extends { code: string }>(req: PayloadRequest, locales: L[]): L[] {
  const hers = herLocales(req)
  return hers ? locales.filter((l) => l.code === sourceLocale || hers.includes(l.code)) : locales
}

/** The collections a translator writes in her languages (their update access lets her). */
const translated = (collection?: { access?: { update?: unknown } }) => collection?.access?.update === contentAccess.update || collection?.access?.update === municipalityAccess.update

/** Why a translator's write in the request's language was refused, if that is why. */
export function outsideHerLanguages(req: PayloadRequest, collection?: { access?: { update?: unknown } }): string | undefined {
  const hers = herLocales(req)
  const locale = req.locale
  if (!hers || !translated(collection) || req.method !== 'PATCH' || !isLocaleCode(locale) || translatorMayWrite(req)) return undefined
  const names = (codes: string[], lang: 'da' | 'en') => codes.map((c) => languageLabel(getLocale(c))[lang]).join(lang === 'da' ? ' og ' : ' and ')
  const language = languageLabel(getLocale(locale))
  if (locale === sourceLocale)
    return inAdminLanguage(req, {
      da: `Den danske tekst er kilden, som alle sprog oversættes fra; den skrives af redaktører. Du oversætter til ${names(hers, 'da') || 'ingen sprog endnu'}.`,
      en: `The Danish text is the source every language is translated from; editors write it. You translate into ${names(hers, 'en') || 'no language yet'}.`,
    })
  return inAdminLanguage(req, {
    da: `${language.da} er ikke et af dine sprog (du oversætter til ${names(hers, 'da') || 'ingen sprog endnu'}). En administrator kan tilføje det på din konto.`,
    en: `${language.en} is not one of your languages (you translate into ${names(hers, 'en') || 'no language yet'}). An administrator can add it to your account.`,
  })
}
