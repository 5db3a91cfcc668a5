// One sitemap file of the index at /sitemap.xml (site/lib/sitemap.ts).
import type { APIRoute, GetStaticPaths } from 'astro'
import { getContent, withCacheKeys } from '../../lib/content.ts'
import { siteSitemapFiles } from '../../lib/sitemap-entries.ts'
import { urlset } from '../../lib/sitemap.ts'

export const getStaticPaths = (async () => {
  const site = import.meta.env.SITE ? new URL(import.meta.env.SITE) : undefined
  const files = await siteSitemapFiles(await getContent(), site)
  return withCacheKeys(
    '/sitemaps/[n].xml',
    files.map((entries, i) => ({ params: { n: String(i + 1) }, props: { entries } })),
  )
}) satisfies GetStaticPaths

export const GET: APIRoute<{ entries: string[] }> = ({ props }) => new Response(urlset(props.entries), { headers: { 'content-type': 'application/xml' } })
