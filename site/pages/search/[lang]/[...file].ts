// The catalogue's quick index, per language with activities of its own (site/lib/quick-index.ts).
import type { APIRoute, GetStaticPaths } from 'astro'
import { localeCodes } from '../../../../locales/registry.ts'
import { getContentForPaths, withCacheKeys } from '../../../lib/content.ts'
import { hasPageIn } from '../../../lib/activity-pages.ts'
import { quickIndex } from '../../../lib/quick-index.ts'

export const getStaticPaths = (async () => {
  const { activities } = await getContentForPaths()
  // Each file's text is its props, so its cache key changes exactly when the file does.
  const paths = localeCodes
    .filter((lang) => activities.some((a) => hasPageIn(a, lang)))
    .flatMap((lang) => [...quickIndex(activities, lang)].map(([file, json]) => ({ params: { lang, file }, props: { json } })))
  return withCacheKeys('/search/[lang]/[...file]', paths)
}) satisfies GetStaticPaths

export const GET: APIRoute<{ json: string }> = ({ props }) => new Response(props.json, { headers: { 'content-type': 'application/json' } })
