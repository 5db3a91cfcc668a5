/**
 * The site's one read of content/: loaded and validated once per build. Pages read it through a
 * tracked view, so the next build knows what each page depends on (./page-dependencies.ts).
 */
import path from 'node:path'
import { loadContent, type ContentSet } from '../../content/load.ts'
import { contentOfBuild, keyedPaths, trackedContent } from './page-dependencies.ts'

export { findByKey } from './page-dependencies.ts'

const contentDir = () => path.resolve(process.env.MODERSMAL_CONTENT_DIR ?? 'content')

let cached: Promise<{ set: ContentSet; tracked: ContentSet }> | undefined

const load = () => {
  // Built by site/build/build-site.ts: the set it has loaded and validated (about 1 s of YAML at
  // 1,200 activities); `astro dev` and others load it here.
  const built = contentOfBuild(contentDir())
  cached ??= (built ? Promise.resolve(built) : loadContent(contentDir())).then((set) => ({ set, tracked: trackedContent(set) }))
  return cached
}

export async function getContent(): Promise<ContentSet> {
  return (await load()).tracked
}

/**
 * For getStaticPaths only: the content without the tracking. A read there belongs to no page, and
 * what a path's props carry is in its key already (their digest, ./page-dependencies.ts); the
 * tracked view costs a proxy trap on every property read, and a route of 10,000 paths reads every
 * activity for each language.
 */
export async function getContentForPaths(): Promise<ContentSet> {
  return (await load()).set
}

/**
 * A route's paths, each with its cache key for Astro's incremental build. `route` is the page's
 * route pattern as Astro names it ("/[lang]/activities/[slug]"), which the middleware sees too.
 */
export async function withCacheKeys<P extends { params: Record<string, string | number | undefined>; props?: unknown }>(route: string, paths: P[]) {
  return keyedPaths(route, paths, (await load()).set, contentDir())
}
