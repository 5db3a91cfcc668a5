/**
 * Builds the static site from content/ into a staging folder and swaps it in (./swap.ts, one
 * atomic step) only when the build succeeded: a failed build never replaces the published site.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { build } from 'astro'
import { loadContent, type ContentSet } from '../../content/load.ts'
import { codeTargets } from '../lib/codes.ts'
import { removeAbandoned } from '../../system/processes.ts'
import { removeLeftovers, spareOf, swapIn } from './swap.ts'
import { abandonBuildCache, cacheDirFor, keepBuildCache, openBuildCache } from './build-cache.ts'
import { cachedCopy, dropGone, linkCachedPages, pagesBuilt, writeOnce } from './reuse-pages.ts'
import { beginTracking, endTracking } from '../lib/page-dependencies.ts'
import { crashPoint } from '../../system/crash-points.ts'
import { headersFile } from './headers.ts'
import { redirectsFile } from './redirects.ts'
import { writeImages } from '../lib/images.ts'
import { indexTranscripts, prepareFilmMedia, validateSubtitles, writeFilmFiles } from '../films/build-steps.ts'
import { writeSearchIndex, type SearchIndexResult, type SearchLanguage } from './search-index.ts'
import { digestsFileIn, searchDigests } from './search-digest.ts'
import { hasPageIn } from '../lib/activity-pages.ts'
import { urls } from '../../content/urls.ts'
import { localeCodes, type LocaleCode } from '../../locales/registry.ts'

/** For a process that exits after a build: the replaced build's removal, which the swap does not wait for. */
export { removalsDone } from './swap.ts'

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
  /** The languages whose search index was written again; the others' were kept. */
  searched: string[]
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
  let searched: string[] = []
  await removeAbandoned(path.dirname(staging), '')
  process.env.MODERSMAL_CONTENT_DIR = contentDir
  // Astro's build records telemetry and sends it to Astro's server: our builds ask no other host.
  process.env.ASTRO_TELEMETRY_DISABLED = '1'
  try {
    // Only the pages whose inputs changed are rendered (../lib/page-dependencies.ts).
    beginTracking(await openBuildCache(cacheDir), { dir: contentDir, set })
    // The pages Astro may reuse, linked in place of its copies (./reuse-pages.ts).
    const linked = linkCachedPages(cacheDir, staging, spareOf(outDir))
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
    await writeFile(path.join(staging, '_headers'), headersFile())
    await writeImages(contentDir, set.media, staging)
    await writeFilmFiles(set, filmMedia, staging)
    step('files')
    searched = (await indexForSearch(set, staging, cacheDir)).indexed
    await indexTranscripts(set, staging, cacheDir)
    step('search')
    await checkCodesResolve(set, staging)
    pages = pagesBuilt(cacheDir, staging)
    step('checks')
    crashPoint('build:staged')
    await swapIn(staging, outDir, `${process.pid}-${builds}`)
    step('swap')
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
  return { ms: Math.round(performance.now() - started), pages, rendered, searched, steps }
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

/**
 * The catalogue's search: one Pagefind index per language, of the activity pages, which exist only
 * in the languages they have text in (../lib/activity-pages.ts); only the parts marked
 * data-pagefind-body, never the fallback fragments (data-pagefind-ignore). A language is indexed
 * again when what Pagefind reads of one of its pages changed (./search-digest.ts). A page is read
 * from the cache's copy, which it keeps until it is rendered again (the next build links it,
 * ./reuse-pages.ts); the staging folder's file of a rendered page is another.
 */
async function indexForSearch(set: ContentSet, staging: string, cacheDir: string): Promise<SearchIndexResult> {
  const filesByLanguage = new Map<LocaleCode, string[]>()
  for (const lang of localeCodes) {
    const files = set.activities.filter((a) => hasPageIn(a, lang)).map((a) => `${urls.activity(lang, a.slug).slice(1)}index.html`)
    if (files.length) filesByLanguage.set(lang, files)
  }
  const places = (file: string): [string, string] => [cachedCopy(cacheDir, file), path.join(staging, file)]
  const digests = await searchDigests([...filesByLanguage.values()].flat(), places, digestsFileIn(cacheDir, 'pages'))
  const languages = new Map<string, SearchLanguage>()
  for (const [lang, files] of filesByLanguage) {
    const identity = createHash('sha256')
    for (const file of files) identity.update(`${file}\0${digests.get(file)}\n`)
    // Every activity page of the language (the plan page there has no data-pagefind-body).
    languages.set(lang, { signature: identity.digest('hex'), pages: { dir: staging, glob: `${urls.activity(lang, '*').slice(1)}index.html` } })
  }
  return writeSearchIndex('pages', languages, { cacheDir, outDir: path.join(staging, 'pagefind') })
}
