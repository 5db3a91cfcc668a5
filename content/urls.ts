/**
 * The URL scheme of the public site, in one place: every link, the sitemap, short codes and QR
 * codes are built here.
 */
import type { LocaleCode } from '../locales/registry.ts'

/** The site's fixed pages (site/info/<page>/, MDX), by the last segment of their URL. */
export const infoPages = ['about', 'privacy', 'health-visitors', 'volunteers'] as const
export type InfoPage = (typeof infoPages)[number]

export const urls = {
  languageChooser: () => '/',
  /** The site's fixed pages: about the groups, privacy, help for health visitors and volunteers. */
  info: (lang: LocaleCode, page: InfoPage) => `/${lang}/info/${page}/`,
  home: (lang: LocaleCode) => `/${lang}/`,
  municipality: (lang: LocaleCode, slug: string) => `/${lang}/${slug}/`,
  guides: (lang: LocaleCode) => `/${lang}/guides/`,
  guide: (lang: LocaleCode, slug: string) => `/${lang}/guides/${slug}/`,
  activities: (lang: LocaleCode) => `/${lang}/activities/`,
  activity: (lang: LocaleCode, slug: string) => `/${lang}/activities/${slug}/`,
  /** A no-JavaScript browse page: the activities with one filter value, 50 to a page. */
  activityFacet: (lang: LocaleCode, facet: string, value: string, page = 1) => `/${lang}/activities/${facet}/${value}/${page > 1 ? `${page}/` : ''}`,
  /**
   * The folder of the catalogue's quick index in one language (site/lib/quick-index.ts): the
   * first answer to a search, before Pagefind's full text.
   */
  quickSearch: (lang: LocaleCode) => `/search/${lang}/`,
  /** This week's plan; its state is the query string (see site/lib/plan.ts). */
  plan: (lang: LocaleCode, query = '') => `/${lang}/activities/plan/${query ? `?${query}` : ''}`,
  /** Every film, with a search over what is said in them. */
  films: (lang: LocaleCode) => `/${lang}/films/`,
  film: (lang: LocaleCode, slug: string) => `/${lang}/films/${slug}/`,
  /** A film's renditions, posters and subtitle files; their names carry a hash of their content. */
  filmFile: (slug: string, file: string) => `/films/${slug}/${file}`,
  /** Visit mode: the health visitor saves films for homes without network. */
  visit: (lang: LocaleCode) => `/${lang}/visit/`,
  /** What visit mode can save (films, files, pages), written after the build. */
  visitKit: () => '/films/kit.json',
  /** Visit mode's service worker; at the root, so it may answer for every page it saved. */
  visitWorker: () => '/visit-sw.js',
  /** After her "call me" (content/ask.ts): who will call, and roughly when. */
  asked: (lang: LocaleCode, slug: string) => `/${lang}/${slug}/asked/`,
  /** The municipality's printable leaflet in one language (A5, two pages). */
  leaflet: (lang: LocaleCode, slug: string) => `/${lang}/${slug}/leaflet/`,
  /** The same leaflet with Danish beside the mother's language, on the same sheet. */
  leafletBilingual: (lang: LocaleCode, slug: string) => `/${lang}/${slug}/leaflet/bilingual/`,
  /** Printed in QR codes: no trailing slash, so the printed text stays short. */
  shortCode: (code: string) => `/q/${code}`,
  qrSvg: (code: string) => `/qr/${code}.svg`,
}

/**
 * Slugs that would collide with a fixed page: a municipality may not be called "guides", an
 * activity may not be called "plan". The content loader refuses them.
 */
export const reservedSlugs = {
  municipalities: ['guides', 'activities', 'films', 'visit', 'plan', 'info'],
  activities: ['plan'],
} as const

/** An absolute URL on the public site (SITE_URL), for QR codes and the sitemap. */
export function absolute(path: string, site: URL | string | undefined): string {
  return new URL(path, site ?? 'http://localhost:4321').href
}
