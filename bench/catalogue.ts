/**
 * Catalogue benchmarks (part of `npm run bench`), on the demo content and on a generated catalogue
 * of N activities in da/en/ar:
 * - the site build with it, and Pagefind's indexing on its own: time, index size;
 * - in Chromium: bytes fetched for a first search and for a filter-only browse (after the page
 *   itself), and the time to first results under Lighthouse's mobile throttling (150 ms RTT,
 *   1.6 Mbit/s down × 0.9, 750 kbit/s up × 0.9, CPU 4× slower).
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page, Request } from 'playwright-core'
import { generateContent, isGenerated } from '../content/generate.ts'
import { launchChromium } from '../site/print/chromium.ts'
import { withPagefindIndex } from '../site/build/pagefind-index.ts'
import { serveSite } from '../site/server/serve.ts'
import { timedBuild } from './site.ts'
import { ensureSystemPackages } from '../system/packages.ts'
import { loadContent } from '../content/load.ts'
import { filterFaults, planFaults, quickFaults, selections } from '../tests/support/catalogue-at-scale.ts'

type Report = (what: string, figure: string) => void
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

async function folderBytes(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0
  let files = 0
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size
    files++
  }
  return { bytes, files }
}

/** Pagefind over a built site again, on its own, into a scratch folder. */
async function indexSeconds(site: string, out: string): Promise<number> {
  const t = performance.now()
  await withPagefindIndex(async (index) => {
    await index.addDirectory({ path: site })
    await index.writeFiles({ outputPath: out })
  })
  return (performance.now() - t) / 1000
}

/** What a response of a search is, by its address: what can be made smaller and what cannot. */
const kinds = [
  ['Pagefind code', /\/pagefind\/(?:pagefind(?:-worker)?\.js|wasm\.[\w-]+\.pagefind)$/],
  ['index metadata', /\.pf_meta$/],
  ['word index', /\.pf_index$/],
  ['filters', /\.pf_filter$/],
  ['result fragments', /\.pf_fragment$/],
  ['quick index', /^\/search\/[^/]+\/(?:quick\.json|[we]\/)/],
] as const
type Kind = (typeof kinds)[number][0] | 'other'

/** Bytes (headers and body, as sent) of every response a page receives while `action` runs, by kind. */
async function bytesDuring(page: Page, action: () => Promise<void>): Promise<{ total: number; by: Partial<Record<Kind, number>> }> {
  const sizes: Array<Promise<[Kind, number]>> = []
  const listener = (r: Request) => {
    const kind = kinds.find(([, re]) => re.test(new URL(r.url()).pathname))?.[0] ?? 'other'
    sizes.push(r.sizes().then((s) => [kind, s.responseHeadersSize + s.responseBodySize]))
  }
  page.on('requestfinished', listener)
  await action()
  page.off('requestfinished', listener)
  const by: Partial<Record<Kind, number>> = {}
  for (const [kind, n] of await Promise.all(sizes)) by[kind] = (by[kind] ?? 0) + n
  return { total: Object.values(by).reduce((a, b) => a + b, 0), by }
}
const breakdown = (b: { by: Partial<Record<Kind, number>> }) =>
  Object.entries(b.by)
    .map(([k, n]) => `${k} ${kb(n)}`)
    .join(', ')

async function firstResults(page: Page): Promise<void> {
  await page.locator('#results li').first().waitFor({ timeout: 120_000 })
}

async function measure(browser: Browser, origin: string, label: string, report: Report): Promise<void> {
  for (const [lang, query] of [
    ['da', 'massage'],
    ['ar', 'تدليك'],
  ] as const) {
    // A first search: everything fetched between typing and the first results.
    const context = await browser.newContext()
    const page = await context.newPage()
    const pageBytes = await bytesDuring(page, async () => {
      await page.goto(`${origin}/${lang}/activities/`)
      await page.waitForLoadState('networkidle')
    })
    const searchBytes = await bytesDuring(page, async () => {
      await page.locator('#q').fill(query)
      await firstResults(page)
      await page.waitForLoadState('networkidle')
    })
    // Then the whole text (Pagefind), when she asks for it.
    const fullBytes = await bytesDuring(page, async () => {
      // The quick answer's results are still on the page: wait for Pagefind's first result, then for the rest.
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('.pf_fragment')), page.locator('input[name=all]').check()])
      await page.waitForTimeout(1000)
    })
    await context.close()
    // A filter-only browse: no query, one theme.
    const context2 = await browser.newContext()
    const page2 = await context2.newPage()
    await page2.goto(`${origin}/${lang}/activities/`)
    await page2.waitForLoadState('networkidle')
    const browseBytes = await bytesDuring(page2, async () => {
      await page2.locator('details.filters summary').click()
      await page2.locator('input[name=theme][value=health]').check()
      await firstResults(page2)
      await page2.waitForLoadState('networkidle')
    })
    await context2.close()
    report(`${label}, ${lang}: catalogue page / first search "${query}" / theme browse`, `${kb(pageBytes.total)} / ${kb(searchBytes.total)} / ${kb(browseBytes.total)} (as sent, gzip)`)
    report(`${label}, ${lang}: first search, by part`, breakdown(searchBytes))
    report(`${label}, ${lang}: theme browse, by part`, breakdown(browseBytes))
    report(`${label}, ${lang}: then all the text (Pagefind), by part`, `${kb(fullBytes.total)}: ${breakdown(fullBytes)}`)
    for (const [what, search] of [
      ['link with query', `q=${encodeURIComponent(query)}`],
      ['theme browse link', 'theme=health'],
      ['all the text, link', `q=${encodeURIComponent(query)}&all=1`],
    ] as const)
      report(`${label}, ${lang}: time to first results, throttled mobile (${what})`, `${((await throttledFirstResults(browser, `${origin}/${lang}/activities/?${search}`)) / 1000).toFixed(2)} s`)
  }
}

/** Time to first results from a link, cold cache, throttled like Lighthouse's mobile. */
async function throttledFirstResults(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.goto(url, { waitUntil: 'commit' })
  await firstResults(page)
  const ms = await page.evaluate(() => performance.now())
  await context.close()
  return ms
}

/**
 * The catalogue still right at this size (tests/support/catalogue-at-scale.ts): every filter
 * combination and a full plan link, in Danish and Arabic. A fault fails the benchmark.
 */
async function check(browser: Browser, origin: string, contentDir: string, label: string, report: Report): Promise<void> {
  const { activities } = await loadContent(contentDir)
  const tried = selections(100)
  const faults: string[] = []
  const plan = [...activities.filter((a) => !isGenerated(a)).slice(0, 6), ...activities.filter(isGenerated).slice(-6)].map((a) => a.slug)
  for (const lang of ['da', 'ar'] as const) {
    const page = await browser.newPage()
    await page.goto(`${origin}/${lang}/activities/`)
    const t = performance.now()
    faults.push(...(await filterFaults(page, lang, activities, tried)))
    report(
      `${label}, ${lang}: ${tried.length} filter combinations searched and checked`,
      `${((performance.now() - t) / 1000).toFixed(1)} s, ${((performance.now() - t) / tried.length).toFixed(0)} ms each`,
    )
    await page.close()
    const q = performance.now()
    faults.push(...(await quickFaults(origin, lang, activities, tried)))
    report(`${label}, ${lang}: the same in the quick index`, `${((performance.now() - q) / 1000).toFixed(1)} s`)
    faults.push(...(await planFaults(browser, origin, lang, activities, plan)))
  }
  if (faults.length) throw new Error(`${label}: the catalogue is wrong at this size:\n${faults.slice(0, 20).join('\n')}`)
}

export async function benchCatalogue(scratch: string, report: Report, activities: number): Promise<void> {
  ensureSystemPackages(['chromium'])
  const repo = process.cwd()
  const browser = await launchChromium()
  try {
    for (const [label, contentDir] of [
      ['demo catalogue', path.join(repo, 'content')],
      [`generated catalogue (${activities} activities × da/en/ar)`, path.join(scratch, 'catalogue-content')],
    ] as const) {
      if (contentDir !== path.join(repo, 'content')) await generateContent(path.join(repo, 'content'), contentDir, activities)
      const dist = path.join(scratch, 'catalogue-dist')
      const built = timedBuild(['scripts/build-site.ts'], { MODERSMAL_CONTENT_DIR: contentDir, MODERSMAL_DIST_DIR: dist })
      const pages = Number(built.output.match(/: (\d+) pages/)![1])
      report(`${label}: site build`, `${pages} pages in ${built.seconds.toFixed(1)} s, peak ${Math.round(built.peakMb)} MB`)
      const seconds = await indexSeconds(dist, path.join(scratch, 'pagefind-again'))
      const entry = JSON.parse(await readFile(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }
      const indexed = Object.entries(entry.languages)
        .map(([l, v]) => `${l} ${v.page_count}`)
        .join(', ')
      const size = await folderBytes(path.join(dist, 'pagefind'))
      report(`${label}: Pagefind index time / pages indexed per language`, `${seconds.toFixed(1)} s / ${indexed}`)
      report(`${label}: Pagefind index size`, `${(size.bytes / 1024 / 1024).toFixed(1)} MB in ${size.files} files`)
      const port = 4890
      const server = await serveSite(dist, port)
      try {
        await measure(browser, `http://127.0.0.1:${port}`, label, report)
        await check(browser, `http://127.0.0.1:${port}`, contentDir, label, report)
      } finally {
        server.close()
      }
      await rm(dist, { recursive: true, force: true })
      await rm(path.join(scratch, 'pagefind-again'), { recursive: true, force: true })
    }
  } finally {
    await browser.close()
  }
}
