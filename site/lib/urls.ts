/**
 * The URL scheme of the public site, in one place: every link, the sitemap, short codes and QR
 * codes are built here.
 */
import type { LocaleCode } from '../../locales/registry.ts'

export const urls = {
  languageChooser: () => '/',
  home: (lang: LocaleCode) => `/${lang}/`,
  municipality: (lang: LocaleCode, slug: string) => `/${lang}/${slug}/`,
  guides: (lang: LocaleCode) => `/${lang}/guides/`,
  guide: (lang: LocaleCode, slug: string) => `/${lang}/guides/${slug}/`,
  activities: (lang: LocaleCode) => `/${lang}/activities/`,
  activity: (lang: LocaleCode, slug: string) => `/${lang}/activities/${slug}/`,
  shortCode: (code: string) => `/q/${code}`,
}
