// The sitemap: every page in every language, each with its alternates (hreflang).
import type { APIRoute } from 'astro'
import { localeCodes, type LocaleCode } from '../../locales/registry.ts'
import { getContent } from '../lib/content.ts'
import { absolute, urls } from '../lib/urls.ts'

export const GET: APIRoute = async ({ site }) => {
  const set = await getContent()
  const families: Array<(lang: LocaleCode) => string> = [
    urls.home,
    urls.guides,
    urls.activities,
    ...set.municipalities.map((m) => (lang: LocaleCode) => urls.municipality(lang, m.slug)),
    ...set.guides.map((g) => (lang: LocaleCode) => urls.guide(lang, g.slug)),
    ...set.activities.map((a) => (lang: LocaleCode) => urls.activity(lang, a.slug)),
    ...set.films.map((f) => (lang: LocaleCode) => urls.film(lang, f.slug)),
  ]
  const entries = families.flatMap((page) => {
    const alternates = localeCodes.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${absolute(page(l), site)}"/>`).join('')
    return localeCodes.map((lang) => `<url><loc>${absolute(page(lang), site)}</loc>${alternates}</url>`)
  })
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`
  return new Response(xml, { headers: { 'content-type': 'application/xml' } })
}
