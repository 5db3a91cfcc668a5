/**
 * Leaflet PDFs from the built site: every municipality × language whose leaflet text is fully
 * translated, single-language and bilingual (beside Danish), printed by real Chromium from the same
 * page the web shows (/<lang>/<municipality>/leaflet/), after its fonts have loaded.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import type { ContentSet } from '../../content/collections.ts'
import { localeCodes, sourceLocale, type LocaleCode } from '../../locales/registry.ts'
import { codeFor } from '../lib/codes.ts'
import { leafletFor, missingLeafletFields } from './leaflet.ts'
import { urls } from '../../content/urls.ts'

export type LeafletVariant = 'single' | 'bilingual'

export interface LeafletJob {
  municipality: string
  lang: LocaleCode
  variant: LeafletVariant
  /** The page printed, e.g. /ar/aarhus/leaflet/. */
  path: string
  /** The PDF, relative to the output folder: <municipality>-<lang>.pdf, bilingual/<municipality>-<lang>.pdf. */
  file: string
}

export interface LeafletRefusal {
  municipality: string
  lang: LocaleCode
  leaflet?: string
  /** Leaflet text fields with no text in this language (the leaflet would show Danish). */
  missing: string[]
  reason: string
}

/** Two A5 pages per leaflet, front and back; a PDF with any other count is a layout fault. */
export const leafletPages = 2

export interface PlanOptions {
  municipalities?: string[]
  langs?: LocaleCode[]
  /** Also the bilingual sheet (the mother's language beside Danish). Default true. */
  bilingual?: boolean
}

/** What can be printed, and what is refused and why (missing translations, no short code). */
export function planLeaflets(set: ContentSet, opts: PlanOptions = {}): { jobs: LeafletJob[]; refused: LeafletRefusal[] } {
  const unknown = (opts.municipalities ?? []).filter((s) => !set.municipalities.some((m) => m.slug === s))
  if (unknown.length) throw new Error(`Unknown municipality: ${unknown.join(', ')}. Known: ${set.municipalities.map((m) => m.slug).join(', ')}`)
  const jobs: LeafletJob[] = []
  const refused: LeafletRefusal[] = []
  for (const m of set.municipalities) {
    if (opts.municipalities && !opts.municipalities.includes(m.slug)) continue
    const leaflet = leafletFor(set, m)
    for (const lang of opts.langs ?? localeCodes) {
      if (!leaflet) {
        refused.push({ municipality: m.slug, lang, missing: [], reason: 'there is no leaflet for this municipality (nor a national one)' })
        continue
      }
      const missing = missingLeafletFields(leaflet, lang)
      if (missing.length) {
        refused.push({ municipality: m.slug, lang, leaflet: leaflet.slug, missing, reason: `leaflet ${leaflet.slug} is not translated: missing ${missing.join(', ')}` })
        continue
      }
      if (!codeFor(set, m.shortCode, lang)) {
        refused.push({ municipality: m.slug, lang, leaflet: leaflet.slug, missing: [], reason: 'no living short code for its QR code (npm run codes:issue)' })
        continue
      }
      jobs.push({ municipality: m.slug, lang, variant: 'single', path: urls.leaflet(lang, m.slug), file: `${m.slug}-${lang}.pdf` })
      if ((opts.bilingual ?? true) && lang !== sourceLocale) {
        jobs.push({ municipality: m.slug, lang, variant: 'bilingual', path: urls.leafletBilingual(lang, m.slug), file: path.join('bilingual', `${m.slug}-${lang}.pdf`) })
      }
    }
  }
  return { jobs, refused }
}

export interface RenderOptions {
  browser: Browser
  /** Where the built site is served, e.g. http://127.0.0.1:4990 */
  origin: string
  outDir: string
  jobs: LeafletJob[]
  /** Pages printed at once (default 2: one per core). */
  concurrency?: number
  /** Also A4 landscape with two copies side by side, into a4/<file>. */
  twoUp?: boolean
  onProgress?: (done: number, total: number, job: LeafletJob) => void
}

export interface RenderedLeaflet {
  job: LeafletJob
  files: string[]
  ms: number
}

export async function renderLeaflets(opts: RenderOptions): Promise<RenderedLeaflet[]> {
  const { browser, origin, outDir, jobs } = opts
  const context = await browser.newContext()
  // The leaflet needs nothing from outside the site; anything else is refused, not waited for.
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()))
  const results: RenderedLeaflet[] = []
  const failures: string[] = []
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!
      try {
        results.push(await renderOne(context, origin, outDir, job, opts.twoUp ?? false))
      } catch (e) {
        failures.push(`${job.file}: ${(e as Error).message}`)
      }
      opts.onProgress?.(++done, jobs.length, job)
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 2, jobs.length)) }, worker))
  } finally {
    await context.close()
  }
  if (failures.length) throw new Error(`${failures.length} leaflet(s) failed:\n  ${failures.join('\n  ')}`)
  return results.sort((a, b) => a.job.file.localeCompare(b.job.file))
}

async function renderOne(context: BrowserContext, origin: string, outDir: string, job: LeafletJob, twoUp: boolean): Promise<RenderedLeaflet> {
  const started = performance.now()
  const page = await context.newPage()
  try {
    const response = await page.goto(origin + job.path, { waitUntil: 'load' })
    if (!response?.ok()) throw new Error(`${job.path} answered ${response?.status() ?? 'nothing'}`)
    await page.emulateMedia({ media: 'print' })
    // Every declared font loaded (not just "ready"): a missing font prints as empty boxes.
    const unloaded = await page.evaluate(async () => {
      await Promise.allSettled([...document.fonts].map((f) => f.load()))
      await document.fonts.ready
      return [...document.fonts].filter((f) => f.status !== 'loaded').map((f) => f.family)
    })
    if (unloaded.length) throw new Error(`fonts did not load: ${unloaded.join(', ')}`)
    const layout = await page.evaluate(() => ({
      pages: document.querySelectorAll('.sheet .page').length,
      overflowing: [...document.querySelectorAll<HTMLElement>('.sheet .page')].flatMap((p, i) => (p.scrollHeight > p.clientHeight + 1 ? [i + 1] : [])),
      qr: document.querySelectorAll('.sheet .qr-code svg').length,
    }))
    if (layout.pages !== leafletPages) throw new Error(`the sheet has ${layout.pages} pages, not ${leafletPages}`)
    if (layout.overflowing.length) throw new Error(`text overflows page ${layout.overflowing.join(', ')} of the A5 sheet: shorten it or adjust site/styles/leaflet.css`)
    if (layout.qr !== 1) throw new Error('the sheet has no QR code')
    const files = [job.file]
    const file = path.join(outDir, job.file)
    await mkdir(path.dirname(file), { recursive: true })
    await page.pdf({ path: file, format: 'A5', printBackground: true, preferCSSPageSize: true })
    if (twoUp) {
      // Each page beside a copy of itself: cut an A4 sheet in two for two leaflets.
      // The sheet's own @page says A5 portrait; the two-up sheet says A4 landscape.
      await page.addStyleTag({ content: '@page{size:A4 landscape;margin:0}' })
      await page.evaluate(() => {
        document.documentElement.classList.add('two-up')
        for (const p of document.querySelectorAll<HTMLElement>('.sheet .page')) {
          const spread = document.createElement('div')
          spread.className = 'spread'
          p.replaceWith(spread)
          const copy = p.cloneNode(true) as HTMLElement
          copy.setAttribute('aria-hidden', 'true')
          spread.append(p, copy)
        }
      })
      const a4 = path.join(outDir, 'a4', job.file)
      await mkdir(path.dirname(a4), { recursive: true })
      await page.pdf({ path: a4, format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true })
      files.push(path.join('a4', job.file))
    }
    return { job, files, ms: performance.now() - started }
  } finally {
    await page.close()
  }
}
