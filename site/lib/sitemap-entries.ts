/** What the sitemap lists (./sitemap.ts cuts it into files): every page as built, in every language it is built in. */
import { localeCodes, type LocaleCode } from '../../locales/registry.ts'
import type { ContentSet } from '../../content/load.ts'
import { absolute, urls } from '../../content/urls.ts'
import { infoPages } from './info-pages.ts'
import { hasPageIn } from './activity-pages.ts'
import { hasBilingualLeaflet } from '../print/leaflet.ts'
import { leafletPaths } from '../print/leaflet-page.ts'
import { sitemapFiles } from './sitemap.ts'

/** One page in its languages: the same rules as the pages' getStaticPaths. */
interface Family {
  page: (lang: LocaleCode) => string
  langs: readonly LocaleCode[]
}

/** The leaflet pages as built (the pages' own paths), one family per municipality. */
function byMunicipality(paths: Array<{ params: { lang: LocaleCode; municipality: string } }>, url: (lang: LocaleCode, slug: string) => string): Family[] {
  const langs = new Map<string, LocaleCode[]>()
  for (const { params } of paths) langs.set(params.municipality, [...(langs.get(params.municipality) ?? []), params.lang])
  return [...langs].map(([slug, l]) => ({ page: (lang: LocaleCode) => url(lang, slug), langs: l }))
}

/** Every `<url>` entry of the site, in a fixed order. */
export async function sitemapEntries(set: ContentSet, site: URL | undefined): Promise<string[]> {
  const everywhere = (page: Family['page']): Family => ({ page, langs: localeCodes })
  const families: Family[] = [
    ...[urls.home, urls.guides, urls.activities, urls.films, urls.visit].map(everywhere),
    ...set.municipalities.map((m) => everywhere((lang) => urls.municipality(lang, m.slug))),
    ...set.guides.map((g) => everywhere((lang) => urls.guide(lang, g.slug))),
    ...set.activities.map((a) => ({ page: (lang: LocaleCode) => urls.activity(lang, a.slug), langs: localeCodes.filter((l) => hasPageIn(a, l)) })),
    ...set.films.map((f) => everywhere((lang) => urls.film(lang, f.slug))),
    ...infoPages.map((p) => everywhere((lang) => urls.info(lang, p))),
    ...byMunicipality(await leafletPaths(() => true), urls.leaflet),
    ...byMunicipality(await leafletPaths(hasBilingualLeaflet), urls.leafletBilingual),
  ]
  return families.flatMap(({ page, langs }) => {
    const alternates = langs.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${absolute(page(l), site)}"/>`).join('')
    return langs.map((lang) => `<url><loc>${absolute(page(lang), site)}</loc>${alternates}</url>`)
  })
}

let cached: { set: ContentSet; files: Promise<string[][]> } | undefined

/** The site's sitemap files, computed once per build (the index and each file ask). */
export function siteSitemapFiles(set: ContentSet, site: URL | undefined): Promise<string[][]> {
  if (cached?.set !== set) cached = { set, files: sitemapEntries(set, site).then((entries) => sitemapFiles(entries)) }
  return cached.files
}
