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
  activityTheme: (lang: LocaleCode, theme: string) => `/${lang}/activities/themes/${theme}/`,
  film: (lang: LocaleCode, slug: string) => `/${lang}/films/${slug}/`,
  /** Printed in QR codes: no trailing slash, so the printed text stays short. */
  shortCode: (code: string) => `/q/${code}`,
  qrSvg: (code: string) => `/qr/${code}.svg`,
}

/** An absolute URL on the public site (SITE_URL), for QR codes and the sitemap. */
export function absolute(path: string, site: URL | string | undefined): string {
  return new URL(path, site ?? 'http://localhost:4321').href
}
