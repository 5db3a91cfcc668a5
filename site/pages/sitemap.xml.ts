// The sitemap index: the sitemap files (site/lib/sitemap.ts) that list every page.
import type { APIRoute } from 'astro'
import { getContent } from '../lib/content.ts'
import { siteSitemapFiles } from '../lib/sitemap-entries.ts'
import { sitemapIndex } from '../lib/sitemap.ts'

export const GET: APIRoute = async ({ site }) => {
  const files = await siteSitemapFiles(await getContent(), site)
  return new Response(sitemapIndex(files.length, site), { headers: { 'content-type': 'application/xml' } })
}
