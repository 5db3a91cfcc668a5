/**
 * Films in real Chromium: the film page plays with the reader's subtitles, picks the small file on
 * mobile data, offers the larger one, and is accessible; visit mode saves a kit, plays it with the
 * network gone in the mother's language, switches language without a reload, notices a changed
 * subtitle on the next online visit, and removes the kit again. No request leaves the site.
 */
import { cp, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildSite } from '../../site/build/build-site.ts'
import { serveSite } from '../../site/server/serve.ts'
import type { KitManifest } from '../../site/films/kit.ts'
import { launchChromium } from '../support/browser.ts'
import { copyOfContent } from '../support/content.ts'

const port = 4961
const origin = `http://127.0.0.1:${port}`
const film = 'om-moedregrupperne'
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const root = path.resolve(import.meta.dirname, '../..')

let server: Server
let browser: Browser
let work: string
/** The served folder is a symbolic link, so a test can swap in a rebuilt site. */
let current: string
const foreign: string[] = []

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'modersmal-films-browser-'))
  await cp(inject('siteDir'), path.join(work, 'a'), { recursive: true })
  current = path.join(work, 'current')
  await symlink(path.join(work, 'a'), current)
  server = await serveSite(current, port)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  server?.close()
  await rm(work, { recursive: true, force: true })
  expect(foreign).toEqual([])
})

async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options)
  context.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url())
  })
  return context
}

async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze()
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** Plays the page's video muted until it has advanced `seconds`; returns the time reached. */
async function playFor(page: Page, selector: string, seconds: number): Promise<number> {
  await page.$eval(selector, (v: HTMLVideoElement) => {
    v.muted = true
    void v.play()
  })
  await page.waitForFunction(([s, t]) => (document.querySelector(s as string) as HTMLVideoElement).currentTime > (t as number), [selector, seconds] as const, { timeout: 20_000 })
  return page.$eval(selector, (v: HTMLVideoElement) => v.currentTime)
}

/** The showing subtitle track: its language and the text of its cues. */
const showingTrack = (page: Page, selector: string) =>
  page.$eval(selector, (v: HTMLVideoElement) => {
    const t = Array.from(v.textTracks).filter((x) => x.mode === 'showing')
    return t.map((x) => ({ lang: x.language, cues: Array.from(x.cues ?? []).map((c) => (c as VTTCue).text), active: Array.from(x.activeCues ?? []).map((c) => (c as VTTCue).text) }))
  })

describe('the film page', () => {
  it("plays with the reader's subtitle track showing", async () => {
    const context = await newContext()
    const page = await context.newPage()
    await page.goto(`${origin}/ar/films/${film}/`)
    expect(await playFor(page, 'video', 1.5)).toBeGreaterThan(1.5)
    await page.waitForFunction(() => Array.from(document.querySelector('video')!.textTracks).some((t) => t.mode === 'showing' && (t.cues?.length ?? 0) > 0))
    const [track] = await showingTrack(page, 'video')
    expect(track!.lang).toBe('ar')
    expect(track!.cues).toHaveLength(10)
    expect(track!.active.join(' ')).toContain('أهلاً')
    await context.close()
  })

  it('labels every subtitle language in its own language and direction; the transcript too', async () => {
    const context = await newContext()
    const page = await context.newPage()
    await page.goto(`${origin}/da/films/${film}/`)
    const tracks = await page.$$eval('video track', (ts) =>
      ts.map((t) => [t.getAttribute('srclang'), t.getAttribute('lang'), t.getAttribute('dir'), t.getAttribute('label'), t.hasAttribute('default')]),
    )
    expect(tracks).toEqual([
      ['da', 'da', 'ltr', 'Dansk', true],
      ['en', 'en', 'ltr', 'English', false],
      ['ar', 'ar', 'rtl', 'العربية', false],
    ])
    const labels = await page.$$eval('input[name=subtitles] + span', (ss) => ss.map((s) => [s.getAttribute('lang'), s.getAttribute('dir')]))
    expect(labels).toEqual([
      ['da', 'ltr'],
      ['en', 'ltr'],
      ['ar', 'rtl'],
    ])
    // Somali has no subtitles: the Danish transcript is shown, marked as Danish and kept out of search.
    await page.goto(`${origin}/so/films/${film}/`)
    expect(await page.$eval('.transcript-cues', (o) => [o.getAttribute('lang'), o.getAttribute('dir'), o.getAttribute('data-pagefind-ignore')])).toEqual(['da', 'ltr', 'all'])
    expect(await page.$eval('video track[default]', (t) => t.getAttribute('srclang'))).toBe('da')
    await page.goto(`${origin}/ar/films/${film}/`)
    expect(await page.$eval('.transcript-cues', (o) => o.hasAttribute('lang'))).toBe(false)
    expect(await page.$$eval('.transcript-cues li span', (s) => s.length)).toBe(10)
    await context.close()
  })

  it.each([
    ['Save-Data', { saveData: true, effectiveType: '4g' }],
    ['mobile data', { type: 'cellular', effectiveType: '4g', saveData: false }],
  ])('starts with the small file with %s and the reader can switch to the larger one', async (_, connection) => {
    const context = await newContext()
    // Desktop Chromium cannot be put on mobile data or Save-Data: the Network Information API is
    // replaced with what a phone would report, before any script of the page runs.
    await context.addInitScript((c) => Object.defineProperty(Navigator.prototype, 'connection', { get: () => c }), connection)
    const page = await context.newPage()
    await page.goto(`${origin}/en/films/${film}/`)
    await page.waitForFunction(() => document.querySelector('video')!.currentSrc !== '')
    expect(await page.$eval('video', (v: HTMLVideoElement) => v.currentSrc)).toMatch(/-360p\.mp4$/)
    expect(await page.getByLabel(/Small file for mobile data/).isChecked()).toBe(true)
    await page.$eval('video', (v: HTMLVideoElement) => (v.muted = true))
    await playFor(page, 'video', 1)
    await page.getByLabel(/Larger file with a better picture/).check()
    await page.waitForFunction(() => document.querySelector('video')!.currentSrc.endsWith('-720p.mp4'))
    // The switch keeps the place in the film.
    await page.waitForFunction(() => document.querySelector('video')!.currentTime >= 1)
    await context.close()
  })

  it('starts with the larger file on a fast line that is not mobile data', async () => {
    const context = await newContext()
    const page = await context.newPage()
    await page.goto(`${origin}/en/films/${film}/`)
    const connection = await page.evaluate(() => {
      const c = (navigator as unknown as { connection: { effectiveType: string; saveData: boolean; type?: string } }).connection
      return { effectiveType: c.effectiveType, saveData: c.saveData, type: c.type }
    })
    expect(connection).toEqual({ effectiveType: '4g', saveData: false, type: undefined })
    await page.waitForFunction(() => document.querySelector('video')!.currentSrc !== '')
    expect(await page.$eval('video', (v: HTMLVideoElement) => v.currentSrc)).toMatch(/-720p\.mp4$/)
    expect(await page.getByLabel(/Larger file/).isChecked()).toBe(true)
    await context.close()
  })

  it('jumps to a chapter', async () => {
    const context = await newContext()
    const page = await context.newPage()
    await page.goto(`${origin}/da/films/${film}/`)
    await page.$eval('video', (v: HTMLVideoElement) => (v.muted = true))
    await page.getByRole('button', { name: /Hvor gruppen mødes/ }).click()
    await page.waitForFunction(() => document.querySelector('video')!.currentTime >= 17)
    await context.close()
  })

  it.each([
    ['ar', 'الحصائر'],
    ['da', 'måtterne'],
    ['en', 'volunteers'],
  ])("finds the film by a word of its %s transcript, in that language's index", async (lang, word) => {
    const context = await newContext()
    const page = await context.newPage()
    await page.goto(`${origin}/${lang}/films/${film}/`)
    // A string, not a function: vitest would rewrite a function's import() for Node.
    const found = await page.evaluate(`(async () => {
      const pf = await import('/pagefind-films/pagefind.js')
      await pf.init()
      const search = await pf.search(${JSON.stringify(word)})
      return Promise.all(search.results.map(async (r) => (await r.data()).url))
    })()`)
    expect(found).toEqual([`/${lang}/films/${film}/`])
    await context.close()
  })

  it.each(['da', 'ar', 'ti'])('has no WCAG 2.2 AA findings (%s), nor the visit page', async (lang) => {
    const context = await newContext()
    const page = await context.newPage()
    await page.goto(`${origin}/${lang}/films/${film}/`)
    expect(await violations(page)).toEqual([])
    await page.goto(`${origin}/${lang}/visit/`)
    expect(await violations(page)).toEqual([])
    await context.close()
  })
})

describe('the films page', () => {
  it('is linked from the home page, finds the film by a word of its Arabic transcript and leads to the moment it is said, right to left', async () => {
    const context = await newContext()
    const page = await context.newPage()
    await page.goto(`${origin}/ar/`)
    await page.getByRole('link', { name: 'الأفلام' }).click()
    await page.waitForURL(`${origin}/ar/films/`)
    expect(await page.$eval('html', (h) => [h.lang, h.dir])).toEqual(['ar', 'rtl'])
    const box = page.getByRole('searchbox', { name: 'ابحثي في الأفلام' })
    await box.fill('الحصائر')
    await expect.poll(() => page.textContent('#film-result-count')).toBe('الأفلام التي وُجدت: 1')
    const results = page.locator('#film-results')
    expect(await results.getByRole('link', { name: 'عن مجموعات الأمهات' }).getAttribute('href')).toBe(`/ar/films/${film}/`)
    // The line with the word is said at 0:35: its link opens the film there.
    const moment = results.getByRole('link', { name: 'التشغيل من 0:35' })
    expect(await moment.getAttribute('href')).toBe(`/ar/films/${film}/#t-35`)
    expect(await results.locator('mark').first().textContent()).toBe('الحصائر')
    // The search is in the address, so the back button brings it back.
    expect(new URL(page.url()).searchParams.get('q')).toBe('الحصائر')
    expect(await violations(page)).toEqual([])
    await moment.click()
    await page.waitForFunction(() => document.querySelector('video')!.currentTime === 35)
    expect(await page.$eval(':target', (li) => li.textContent)).toContain('الحصائر')
    await context.close()
  })

  it('says so when nothing is found, and offers no search where the films have no subtitles of the language', async () => {
    const context = await newContext()
    const page = await context.newPage()
    await page.goto(`${origin}/en/films/`)
    await page.getByRole('searchbox', { name: 'Search the films' }).fill('zebra')
    await expect.poll(() => page.textContent('#film-result-count')).toBe('No films found. Try another word.')
    // Tigrinya: Pagefind would answer from another language's index, so the list alone.
    await page.goto(`${origin}/ti/films/`)
    expect(await page.locator('#film-search').count()).toBe(0)
    expect(await page.getByRole('link', { name: /Om mødregrupperne/ }).getAttribute('href')).toBe(`/ti/films/${film}/`)
    expect(await violations(page)).toEqual([])
    await context.close()
  })
})

describe('visit mode', () => {
  let context: BrowserContext
  let page: Page
  const kitUrls = () =>
    page.evaluate(async () => {
      const cache = await caches.open('modersmal-visit-kit-v1')
      return (await cache.keys()).map((r) => new URL(r.url).pathname).sort()
    })

  beforeAll(async () => {
    context = await newContext()
    page = await context.newPage()
  })
  afterAll(() => context?.close())

  it('registers no service worker before she saves', async () => {
    await page.goto(`${origin}/da/visit/`)
    expect(await page.textContent('#kit-saved')).toBe('Intet er gemt på denne enhed endnu.')
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0)
  })

  it('saves the chosen films, subtitles, posters and pages, with progress and the storage used', async () => {
    await page.getByLabel('English').uncheck()
    const progress: number[] = []
    await page.exposeFunction('reportProgress', (v: number) => progress.push(v))
    await page.evaluate(() => {
      const bar = document.getElementById('kit-progress') as HTMLProgressElement
      new MutationObserver(() => (window as unknown as { reportProgress: (v: number) => void }).reportProgress(bar.value / bar.max)).observe(bar, { attributes: true })
    })
    await page.getByRole('button', { name: 'Gem til besøg' }).click()
    await page.waitForFunction(() => document.getElementById('kit-saved')!.textContent!.startsWith('Gemt på denne enhed'), null, { timeout: 60_000 })
    expect(progress.at(-1)).toBe(1)
    expect(await page.textContent('#kit-storage')).toMatch(/^Browseren bruger .*MB på denne enhed\.$/)
    const kit = JSON.parse(await readFile(path.join(current, 'films', 'kit.json'), 'utf8')) as KitManifest
    const f = kit.films[0]!
    const saved = await kitUrls()
    const expected = [
      '/films/kit.json',
      '/da/visit/',
      `/da/films/${film}/`,
      `/ar/films/${film}/`,
      f.poster.url,
      f.renditions.find((r) => r.name === '360p')!.url,
      f.subtitles.da!.url,
      f.subtitles.ar!.url,
      ...kit.pages['/da/visit/']!.needs.map((n) => n.url),
      ...kit.pages[`/ar/films/${film}/`]!.needs.map((n) => n.url),
      '/visit-sw/kit-state.json',
    ]
    expect(saved).toEqual([...new Set(expected)].sort())
    // Not chosen, so not kept: English, the larger file, any other page.
    expect(saved).not.toContain(f.subtitles.en!.url)
    expect(saved).not.toContain(f.renditions.find((r) => r.name === '720p')!.url)
  })

  it("plays without network in the mother's language, full-screen with big controls, switching language without a reload", async () => {
    await context.setOffline(true)
    await page.reload()
    // Set once the service worker has answered, which may be after the load event.
    await expect.poll(() => page.textContent('#visit-status')).toBe('Ingen internetforbindelse: du ser de film, der er gemt på enheden.')
    expect(await page.$$eval('#mother-langs button:not([hidden])', (bs) => bs.map((b) => [b.textContent, b.getAttribute('lang'), b.getAttribute('dir')]))).toEqual([
      ['Dansk', 'da', 'ltr'],
      ['العربية', 'ar', 'rtl'],
    ])
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42))
    await page.getByRole('button', { name: 'العربية' }).click()
    await page.getByRole('button', { name: 'Fuld skærm' }).click()
    await page.waitForFunction(() => document.fullscreenElement?.id === 'stage')
    await page.$eval('#visit-video', (v: HTMLVideoElement) => (v.muted = true))
    await page.getByRole('button', { name: 'Afspil' }).click()
    await page.waitForFunction(() => (document.getElementById('visit-video') as HTMLVideoElement).currentTime > 1.5, null, { timeout: 20_000 })
    await page.waitForFunction(() => Array.from((document.getElementById('visit-video') as HTMLVideoElement).textTracks).some((t) => t.mode === 'showing' && (t.cues?.length ?? 0) > 0))
    let [track] = await showingTrack(page, '#visit-video')
    expect(track!.lang).toBe('ar')
    expect(track!.active.join(' ')).toContain('أهلاً')
    await page.getByRole('button', { name: 'Dansk' }).click()
    await page.waitForFunction(() =>
      Array.from((document.getElementById('visit-video') as HTMLVideoElement).textTracks).some((t) => t.language === 'da' && t.mode === 'showing' && (t.cues?.length ?? 0) > 0),
    )
    ;[track] = await showingTrack(page, '#visit-video')
    expect(track!.lang).toBe('da')
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42)
    expect(await page.$eval('#visit-video', (v: HTMLVideoElement) => v.paused)).toBe(false)
    // Seeking needs range requests, answered from the saved copy.
    await page.getByRole('button', { name: /Hvor gruppen mødes/ }).click()
    await page.waitForFunction(() => (document.getElementById('visit-video') as HTMLVideoElement).currentTime > 17.5, null, { timeout: 20_000 })
    await page.evaluate(() => document.exitFullscreen())
    // The saved film page in Arabic opens too; a page she did not save falls back to visit mode.
    await page.goto(`${origin}/ar/films/${film}/`)
    expect(await page.textContent('h1')).toBe('عن مجموعات الأمهات')
    await page.goto(`${origin}/da/`)
    expect(await page.textContent('h1')).toBe('Film til hjemmebesøg')
    await context.setOffline(false)
  })

  it('notices a changed subtitle on the next online visit and refreshes the kit', async () => {
    const content = await copyOfContent()
    const file = path.join(content, 'films', `${film}.yaml`)
    const yaml = await readFile(file, 'utf8')
    await writeFile(file, yaml.replace('    أهلاً بكِ! هذا الفيلم', '    مرحباً بكِ! هذا الفيلم'))
    const b = path.join(work, 'b')
    await buildSite({ root, contentDir: content, outDir: b })
    await rm(content, { recursive: true, force: true })
    const before = await kitUrls()
    await unlink(current)
    await symlink(b, current)
    await page.goto(`${origin}/da/visit/`)
    await page.waitForFunction(() => document.getElementById('visit-status')!.textContent === 'Opdateret til den nyeste version.', null, { timeout: 60_000 })
    const kit = JSON.parse(await readFile(path.join(b, 'films', 'kit.json'), 'utf8')) as KitManifest
    const after = await kitUrls()
    const newAr = kit.films[0]!.subtitles.ar!.url
    expect(before).not.toContain(newAr)
    expect(after).toContain(newAr)
    expect(after.filter((u) => u.endsWith('.vtt'))).toHaveLength(2)
    await context.setOffline(true)
    await page.reload()
    await page.getByRole('button', { name: 'العربية' }).click()
    await page.waitForFunction(() => Array.from((document.getElementById('visit-video') as HTMLVideoElement).textTracks).some((t) => t.language === 'ar' && (t.cues?.length ?? 0) > 0))
    const [track] = await showingTrack(page, '#visit-video')
    expect(track!.cues[0]).toContain('مرحباً')
    await context.setOffline(false)
  })

  it('removes the kit again', async () => {
    await page.goto(`${origin}/da/visit/`)
    await page.getByRole('button', { name: 'Fjern fra denne enhed' }).click()
    await page.waitForFunction(() => document.getElementById('visit-status')!.textContent === 'Filmene er fjernet fra denne enhed.')
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBe(0)
    expect(await page.textContent('#kit-saved')).toBe('Intet er gemt på denne enhed endnu.')
  })
})
