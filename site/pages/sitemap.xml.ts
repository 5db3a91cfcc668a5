// The sitemap: every page in every language it is built in, each with its alternates (hreflang).
import type { APIRoute } from 'astro'
import { localeCodes, type LocaleCode } from '../../locales/registry.ts'
import { getContent } from '../lib/content.ts'
import { infoPages } from '../lib/info-pages.ts'
import { hasBilingualLeaflet } from '../print/leaflet.ts'
import { leafletPaths } from '../print/leaflet-page.ts'
import { absolute, urls } from '../../content/urls.ts'

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

export const GET: APIRoute = async ({ site }) => {
  const set = await getContent()
  const everywhere = (page: Family['page']): Family => ({ page, langs: localeCodes })
  const families: Family[] = [
    ...[urls.home, urls.guides, urls.activities, urls.films, urls.visit].map(everywhere),
    ...set.municipalities.map((m) => everywhere((lang) => urls.municipality(lang, m.slug))),
    ...set.guides.map((g) => everywhere((lang) => urls.guide(lang, g.slug))),
    ...set.activities.map((a) => everywhere((lang) => urls.activity(lang, a.slug))),
    ...set.films.map((f) => everywhere((lang) => urls.film(lang, f.slug))),
    ...infoPages.map((p) => everywhere((lang) => urls.info(lang, p))),
    ...byMunicipality(await leafletPaths(() => true), urls.leaflet),
    ...byMunicipality(await leafletPaths(hasBilingualLeaflet), urls.leafletBilingual),
  ]
  const entries = families.flatMap(({ page, langs }) => {
    const alternates = langs.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${absolute(page(l), site)}"/>`).join('')
    return langs.map((lang) => `<url><loc>${absolute(page(lang), site)}</loc>${alternates}</url>`)
  })
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`
  return new Response(xml, { headers: { 'content-type': 'application/xml' } })
}
