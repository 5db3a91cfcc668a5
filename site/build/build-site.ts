/**
 * Builds the static site from content/ into a staging folder and swaps it in (./swap.ts, one
 * atomic step) only when the build succeeded: a failed build never replaces the published site.
 */
import { existsSync } from 'node:fs'
import { readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { build } from 'astro'
import { loadContent, type ContentSet } from '../../content/load.ts'
import { codeTargets } from '../lib/codes.ts'
import { removeAbandoned } from '../../system/processes.ts'
import { removeLeftovers, swapIn } from './swap.ts'
import { abandonBuildCache, cacheDirFor, keepBuildCache, openBuildCache } from './build-cache.ts'
import { dropGone, linkCachedPages, writeOnce } from './reuse-pages.ts'
import { beginTracking, endTracking } from '../lib/page-dependencies.ts'
import { crashPoint } from '../../system/crash-points.ts'
import { redirectsFile } from './redirects.ts'
import { writeImages } from '../lib/images.ts'
import { indexTranscripts, prepareFilmMedia, validateSubtitles, writeFilmFiles } from '../films/build-steps.ts'
import * as pagefind from 'pagefind'

export interface SiteBuildOptions {
  root: string
  contentDir: string
  outDir: string
  /** The incremental build's cache; by default beside outDir (./build-cache.ts). A fresh folder builds every page. */
  cacheDir?: string
}

export interface SiteBuildResult {
  ms: number
  pages: number
  /** The pages Astro rendered; the others it reused from the previous build. */
  rendered: number
  /** Milliseconds per step, for the benchmark: where a publish spends its time. */
  steps: Record<'load' | 'astro' | 'files' | 'search' | 'checks' | 'swap', number>
}

export async function buildSite({ root, contentDir, outDir, cacheDir = cacheDirFor(outDir) }: SiteBuildOptions): Promise<SiteBuildResult> {
  const started = performance.now()
  const steps = {} as SiteBuildResult['steps']
  let lap = started
  const step = (name: keyof SiteBuildResult['steps']) => {
    const now = performance.now()
    steps[name] = Math.round(now - lap)
    lap = now
  }
  // What builds killed mid-way left beside the site: a site waiting to be swapped in, or the one
  // it was replacing.
  await removeLeftovers(outDir)
  // Validate first, so a content error is reported as such, not as an Astro stack trace.
  const set = await loadContent(contentDir)
  // Subtitles are checked with a WebVTT parser, and missing film renditions made (ffmpeg), before
  // anything is built.
  await validateSubtitles(contentDir, set.films)
  const filmMedia = await prepareFilmMedia(contentDir, set)
  step('load')
  // Astro keeps its intermediate files beside outDir when that is under the working directory,
  // and in one shared <cwd>/.astro/ folder otherwise, where two builds at once (the publisher and a
  // test, say) would overwrite each other's. So the build always goes to a folder of its own under
  // the working directory, and is moved into place when it has passed every check.
  const staging = path.join(process.cwd(), '.astro', 'builds', `${process.pid}-${++builds}`)
  let pages = 0
  let rendered = 0
  await removeAbandoned(path.dirname(staging), '')
  process.env.MODERSMAL_CONTENT_DIR = contentDir
  // Astro's build records telemetry and sends it to Astro's server: our builds ask no other host.
  process.env.ASTRO_TELEMETRY_DISABLED = '1'
  try {
    // Only the pages whose inputs changed are rendered (../lib/page-dependencies.ts).
    beginTracking(await openBuildCache(cacheDir))
    // The pages Astro may reuse, linked in place of its copies (./reuse-pages.ts).
    const linked = linkCachedPages(cacheDir, staging)
    const written = writeOnce([staging, cacheDir])
    try {
      // emptyOutDir off: the staging folder is new, and holds only the linked pages.
      await build({ root, outDir: staging, logLevel: 'warn', cacheDir, experimental: { incrementalBuild: true }, vite: { build: { emptyOutDir: false } } })
    } catch (e) {
      await abandonBuildCache(cacheDir)
      throw e
    } finally {
      written()
    }
    dropGone(cacheDir, staging, linked)
    const tracked = endTracking(set, contentDir)
    rendered = tracked.rendered
    await keepBuildCache(cacheDir, tracked.records)
    step('astro')
    if (!existsSync(path.join(staging, 'index.html'))) throw new Error('The build produced no index.html')
    await writeFile(path.join(staging, '_redirects'), redirectsFile(set))
    await writeImages(contentDir, set.media, staging)
    await writeFilmFiles(set, filmMedia, staging)
    step('files')
    await indexForSearch(staging)
    await indexTranscripts(set, staging)
    step('search')
    await checkCodesResolve(set, staging)
    pages = await countPages(staging)
    step('checks')
    crashPoint('build:staged')
    await swapIn(staging, outDir, `${process.pid}-${builds}`)
    step('swap')
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
  return { ms: Math.round(performance.now() - started), pages, rendered, steps }
}

let builds = 0

/** Printed codes live for years: the build fails, naming the code, if one leads nowhere. */
async function checkCodesResolve(set: ContentSet, dir: string): Promise<void> {
  const broken: string[] = []
  for (const { code, path: target } of codeTargets(set)) {
    if (!existsSync(path.join(dir, target, 'index.html'))) broken.push(`${code.code} → ${target}`)
    if (!existsSync(path.join(dir, 'q', code.code, 'index.html'))) broken.push(`${code.code}: no /q/${code.code} page`)
  }
  if (broken.length) throw new Error(`Issued short codes that do not resolve to a page:\n  ${broken.join('\n  ')}`)
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true })
  return entries.filter((e) => e.endsWith('.html')).length
}

/**
 * Pagefind: one index per page language (from <html lang>), only the parts marked
 * data-pagefind-body, never the fallback fragments (data-pagefind-ignore).
 */
async function indexForSearch(dir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({})
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  try {
    const added = await index.addDirectory({ path: dir })
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`)
    const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') })
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
  } finally {
    await pagefind.close()
  }
}
