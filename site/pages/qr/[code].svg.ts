// dist/qr/<CODE>.svg: the QR code of every living short code, for print and for the landing page.
import type { APIRoute, GetStaticPaths } from 'astro'
import { getContent, withCacheKeys } from '../../lib/content.ts'
import { qrSvg } from '../../print/qr.ts'
import { absolute, urls } from '../../../content/urls.ts'

export const getStaticPaths: GetStaticPaths = async () => {
  const { codes, municipalities } = await getContent()
  return withCacheKeys(
    '/qr/[code].svg',
    [...codes.filter((c) => !c.retired).map((c) => c.code), ...municipalities.map((m) => m.shortCode)].map((code) => ({ params: { code } })),
  )
}

export const GET: APIRoute = async ({ params, site }) => new Response(await qrSvg(absolute(urls.shortCode(params.code!), site)), { headers: { 'content-type': 'image/svg+xml' } })
