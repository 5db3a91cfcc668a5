/**
 * Searching the inspiration catalogue in Chromium with the Pagefind index the build wrote: the
 * words a volunteer types find the right activity, in the page's language.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { loadContent, type ContentSet } from '../../content/load.ts'
import { serveSite } from '../../site/server/serve.ts'
import { clockTime } from '../../site/lib/format.ts'
import { browsePageSize, facets, matching, type FacetName } from '../../site/lib/facets.ts'
import { launchChromium } from '../support/browser.ts'
import { repoContent } from '../support/content.ts'
import { axeViolations } from '../support/site-in-browser.ts'

const port = 4978
const origin = `http://127.0.0.1:${port}`

const slugOf = (url: string) => url.split('?')[0]!.split('/').filter(Boolean).at(-1)!

let server: Server
let browser: Browser
let content: ContentSet

beforeAll(async () => {
  server = await serveSite(inject('siteDir'), port)
  browser = await launchChromium()
  content = await loadContent(repoContent)
})
afterAll(async () => {
  await browser?.close()
  server?.close()
})

/** A fresh context that records every request leaving the site. */
async function recordingContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; foreign: string[] }> {
  const context = await browser.newContext(options)
  const foreign: string[] = []
  context.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url())
  })
  return { context, foreign }
}

describe('catalogue search', () => {
  const pages = new Map<string, Page>()

  /** The catalogue page in `lang`, opened once per language. */
  async function catalogue(lang: string): Promise<Page> {
    let page = pages.get(lang)
    if (!page) {
      page = await browser.newPage()
      await page.goto(`${origin}/${lang}/activities/`)
      pages.set(lang, page)
    }
    return page
  }

  /** The slugs of the top results for a query, searched from the catalogue page in `lang`. */
  async function top(lang: string, query: string, n = 3): Promise<string[]> {
    const page = await catalogue(lang)
    // A string, not a function: vitest would rewrite a function's import() for Node.
    return page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js')
      await pf.init()
      const search = await pf.search(${JSON.stringify(query)})
      const data = await Promise.all(search.results.slice(0, ${n}).map((r) => r.data()))
      return data.map((d) => d.url.split('/').filter(Boolean).at(-1))
    })()`) as Promise<string[]>
  }

  it.each([
    ['da', 'tænder', 'tandlaegen-om-babytaender'],
    ['da', 'tandbørste', 'tandlaegen-om-babytaender'],
    ['da', 'jul', 'julegaveleg'],
    ['da', 'æbleskiver', 'julegaveleg'],
    ['da', 'massage', 'babymassage'],
    ['da', 'vuggeviser', 'sange-til-soevn'],
    ['da', 'søvn', 'samtale-om-soevn'],
    ['da', 'fastelavn', 'fastelavn'],
    ['da', 'jobkonsulent', 'besoeg-af-jobkonsulent'],
    ['en', 'teeth', 'tandlaegen-om-babytaender'],
    ['en', 'Christmas', 'julegaveleg'],
    ['en', 'footprints', 'haand-og-fodaftryk'],
    ['en', 'library', 'tur-til-biblioteket'],
    ['ar', 'تدليك', 'babymassage'],
    // Inflections, synonyms and the everyday word for the thing.
    ['da', 'svømning', 'babysvoemning'],
    ['da', 'svømmehal', 'babysvoemning'],
    ['da', 'påske', 'gaekkebrev-og-paaske'],
    ['da', 'tandlæge', 'tandlaegen-om-babytaender'],
    ['da', 'bækkenbund', 'baekkenbundstraening'],
    ['da', 'grød', 'foerste-grod'],
    ['da', 'vaccine', 'vaccinationer-samtale'],
    ['da', 'sæbebobler', 'saebebobler'],
    ['da', 'førstehjælp', 'foerstehjaelp-til-babyer'],
    ['da', 'mitid', 'mitid-og-digital-post'],
    ['da', 'skoven', 'efteraarstur-i-skoven'],
    ['da', 'legeplads', 'tur-til-legepladsen'],
    ['da', 'fødselsdag', 'dansk-foedselsdag'],
    ['da', 'sundhedsplejerske', 'besoeg-af-sundhedsplejersken'],
    ['da', 'amme', 'amning-og-flaske'],
    ['da', 'vuggestue', 'besoeg-i-vuggestuen'],
    ['da', 'opskrifter', 'vores-opskriftsbog'],
    ['da', 'advokat', 'gratis-retshjaelp'],
    ['da', 'sange', 'danske-boernesange'],
    ['da', 'maling', 'fingermaling-spiselig'],
    ['en', 'swimming', 'babysvoemning'],
    ['en', 'Easter', 'gaekkebrev-og-paaske'],
    ['en', 'porridge', 'foerste-grod'],
    ['en', 'first aid', 'foerstehjaelp-til-babyer'],
    ['en', 'vaccines', 'vaccinationer-samtale'],
    ['en', 'breastfeeding', 'amning-og-flaske'],
    ['en', 'tummy time', 'mavetid'],
    ['en', 'bubbles', 'saebebobler'],
    ['en', 'lawyer', 'gratis-retshjaelp'],
    ['en', 'pelvic floor', 'baekkenbundstraening'],
    ['en', 'rhymes', 'rim-og-remser-med-bevaegelse'],
    ['en', 'playground', 'tur-til-legepladsen'],
    ['en', 'doctor', 'rollespil-ring-til-laegen'],
    ['en', 'birthday', 'dansk-foedselsdag'],
    ['en', 'midwife', 'jordemoderen-om-kroppen-efter-foedslen'],
    ['en', 'recipes', 'vores-opskriftsbog'],
    ['en', 'nursery', 'besoeg-i-vuggestuen'],
    ['en', 'daycare', 'besoeg-i-vuggestuen'],
    ['en', 'painting', 'fingermaling-spiselig'],
    ['en', 'songs', 'danske-boernesange'],
  ])('%s: "%s" finds %s among the first three', async (lang, query, slug) => {
    expect(await top(lang, query)).toContain(slug)
  })

  it('does not answer a search with the notices about a translation (they speak of the page, not its subject)', async () => {
    // Every English page translated by machine says "This translation has not been checked by a
    // translator yet"; baby massage is one, and its text never speaks of translating.
    const found = await top('en', 'translator', 100)
    expect(found).not.toContain('babymassage')
    // The group's agreements ask a mother to translate them: that is about its subject.
    expect(found).toContain('gruppens-aftaler')
  })

  it("keeps untranslated Danish text out of another language's index", async () => {
    // Salt dough prints are not translated into Arabic: their Danish text must not answer an
    // Arabic search (the Danish index finds them).
    expect(await top('da', 'saltdej')).toContain('saltdej-aftryk')
    expect(await top('ar', 'saltdej', 10)).not.toContain('saltdej-aftryk')
  })

  it('offers no search in a language with no activity text of its own', async () => {
    const page = await browser.newPage()
    await page.goto(`${origin}/so/activities/`)
    await expect(page.locator('#search').count()).resolves.toBe(0)
    // Activities without Somali text: their Danish pages, marked as Danish.
    await expect(page.locator('a[href="/da/activities/saltdej-aftryk/"][hreflang="da"]').count()).resolves.toBeGreaterThan(0)
    await page.close()
  })

  /** Slugs Pagefind finds with only filters (no query), in `lang`'s index. */
  async function filtered(lang: string, filters: Record<string, string[]>, sort?: 'asc' | 'desc'): Promise<Array<{ slug: string; minutes: number }>> {
    const page = await catalogue(lang)
    const anyOf = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, { any: v }]))
    return page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js')
      const search = await pf.search(null, { filters: ${JSON.stringify(anyOf)}${sort ? `, sort: { duration: '${sort}' }` : ''} })
      const data = await Promise.all(search.results.map((r) => r.data()))
      return data.map((d) => ({ slug: d.url.split('/').filter(Boolean).at(-1), minutes: Number(d.meta.minutes) }))
    })()`) as Promise<Array<{ slug: string; minutes: number }>>
  }

  it.each<[string, Partial<Record<FacetName, string[]>>]>([
    ['da', { guest: ['dentist'] }],
    ['da', { theme: ['motor-skills'], duration: ['short'] }],
    ['da', { theme: ['creative'], duration: ['medium'] }],
    ['da', { theme: ['health', 'body'], language: ['not-needed'] }],
    ['da', { age: ['0-3'], season: ['winter'], materials: ['none', 'simple'] }],
    ['da', { phase: ['new-group'], guest: ['none'], duration: ['medium', 'long'] }],
    ['en', { theme: ['outing'], season: ['summer'] }],
    ['ar', { theme: ['health'] }],
    ['ar', { duration: ['short'], language: ['not-needed'] }],
  ])('%s: filters %j find exactly the matching activities written in that language', async (lang, filters) => {
    const own = content.activities.filter((a) => a.title[lang as 'da'] !== undefined)
    const expected = matching(own, filters)
      .map((a) => a.slug)
      .sort()
    expect(expected.length, 'the combination should match something').toBeGreaterThan(0)
    expect((await filtered(lang, filters as Record<string, string[]>)).map((r) => r.slug).sort()).toEqual(expected)
  })

  it('sorts by duration, shortest or longest first', async () => {
    const asc = (await filtered('da', { theme: ['community'] }, 'asc')).map((r) => r.minutes)
    expect(asc.length).toBeGreaterThan(3)
    expect(asc).toEqual([...asc].sort((a, b) => a - b))
    const desc = (await filtered('da', { theme: ['community'] }, 'desc')).map((r) => r.minutes)
    expect(desc).toEqual([...asc].reverse())
  })
})

describe('the search form', () => {
  it('searches as she types, filters, keeps the state in the URL and restores it', async () => {
    const { context, foreign } = await recordingContext()
    const page = await context.newPage()
    await page.goto(`${origin}/da/activities/`)
    await page.getByLabel('Søg i aktiviteterne').fill('tænder')
    await expect.poll(() => page.locator('#results li a').first().getAttribute('href')).toBe('/da/activities/tandlaegen-om-babytaender/')
    expect(new URL(page.url()).searchParams.get('q')).toBe('tænder')
    // Filters in the visitor's language; a filter narrows the results and goes into the URL.
    await page.getByLabel('Søg i aktiviteterne').fill('baby')
    await expect.poll(() => page.locator('#results li').count()).toBeGreaterThan(1)
    // The word marked in the summaries, as Pagefind marks its excerpts.
    await expect(page.locator('#results li mark').first().textContent()).resolves.toMatch(/^baby/i)
    await page.getByText('Filtre', { exact: true }).click()
    await page.getByRole('group', { name: 'Gæst' }).getByLabel('Tandlæge').check()
    await expect.poll(() => page.locator('#results li').count()).toBe(1)
    expect(new URL(page.url()).searchParams.getAll('guest')).toEqual(['dentist'])
    await expect(page.locator('#result-count').textContent()).resolves.toBe('Fundne aktiviteter: 1')
    // The back button or a shared link brings the same search back.
    await page.reload()
    await expect(page.getByLabel('Søg i aktiviteterne').inputValue()).resolves.toBe('baby')
    await expect(page.getByRole('group', { name: 'Gæst' }).getByLabel('Tandlæge').isChecked()).resolves.toBe(true)
    await expect.poll(() => page.locator('#results li').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    // Filters alone browse the catalogue.
    await page.getByRole('button', { name: 'Ryd søgning og filtre' }).click()
    await expect.poll(() => page.locator('#results li').count()).toBe(0)
    await page.getByRole('group', { name: 'Tid' }).getByLabel('Op til 30 minutter').check()
    const short = matching(content.activities, { duration: ['short'] }).length
    await expect.poll(() => page.locator('#result-count').textContent()).toBe(`Fundne aktiviteter: ${short}`)
    expect(foreign).toEqual([])
    await context.close()
  })

  it('answers first from the titles and summaries, and from all the text when she asks', async () => {
    const { context, foreign } = await recordingContext()
    const page = await context.newPage()
    const asked: string[] = []
    page.on('request', (r) => asked.push(new URL(r.url()).pathname))
    await page.goto(`${origin}/da/activities/`)
    await page.getByLabel('Søg i aktiviteterne').fill('tænder')
    await expect.poll(() => page.locator('#result-count').textContent()).toBe('Fundne aktiviteter: 1')
    await expect(page.locator('#results li a').first().getAttribute('href')).resolves.toBe('/da/activities/tandlaegen-om-babytaender/')
    expect(asked.filter((p) => p.startsWith('/pagefind/'))).toEqual([])
    // All the text: Pagefind, which also finds the activities that speak of teeth further down.
    await page.getByLabel('Søg i hele teksten (henter mere data)').check()
    await expect.poll(async () => Number((await page.locator('#result-count').textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(1)
    expect(new URL(page.url()).searchParams.get('all')).toBe('1')
    expect(asked.some((p) => p.startsWith('/pagefind/'))).toBe(true)
    // A word no title or summary has is looked up in all the text without her asking.
    const other = await context.newPage()
    await other.goto(`${origin}/en/activities/?q=translator`)
    await expect.poll(() => other.locator('#results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain('/en/activities/gruppens-aftaler/')
    expect(foreign).toEqual([])
    await context.close()
  })

  it("speaks the reader's language, right to left in Arabic", async () => {
    const page = await browser.newPage()
    await page.goto(`${origin}/ar/activities/`)
    const box = page.locator('#q')
    await expect(box.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl')
    const label = await page.locator('label[for=q]').textContent()
    expect(label).not.toMatch(/[a-zA-Z]/)
    await page.close()
  })
})

describe('browsing without JavaScript', () => {
  it('lists every filter value with its activities on plain pages, 50 to a page', async () => {
    const { context, foreign } = await recordingContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${origin}/da/activities/`)
    await expect(page.locator('#catalogue-search').isVisible()).resolves.toBe(false)
    // Every facet value that has activities is a link, and its page lists exactly those.
    for (const f of facets) {
      for (const value of f.values) {
        const expected = matching(content.activities, { [f.name]: [value] })
        const link = page.locator(`nav a[href="/da/activities/${f.name}/${value}/"]`)
        await expect(link.count(), `${f.name}=${value}`).resolves.toBe(expected.length ? 1 : 0)
        if (!expected.length) continue
        const listed: string[] = []
        for (let n = 1; ; n++) {
          const p = await context.newPage()
          const response = await p.goto(`${origin}/da/activities/${f.name}/${value}/${n > 1 ? `${n}/` : ''}`)
          expect(response?.status()).toBe(200)
          const hrefs = await p.locator('main .activity-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
          expect(hrefs.length).toBeLessThanOrEqual(browsePageSize)
          listed.push(...hrefs.map(slugOf))
          const next = await p.locator('a[rel=next]').count()
          await p.close()
          if (!next) break
        }
        expect(listed.sort(), `${f.name}=${value}`).toEqual(expected.map((a) => a.slug).sort())
      }
    }
    expect(foreign).toEqual([])
    await context.close()
  })

  it('offers a plan link on an activity page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${origin}/da/activities/babymassage/`)
    await expect(page.getByRole('link', { name: 'Lav en plan med denne aktivitet' }).getAttribute('href')).resolves.toBe('/da/activities/plan/?a=babymassage')
    await context.close()
  })
})

describe("this week's plan", () => {
  const chosen = ['babymassage', 'julegaveleg', 'tandlaegen-om-babytaender', 'sange-til-soevn']

  it('is put together on the activity pages and opened from there', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    for (const slug of chosen.slice(0, 2)) {
      await page.goto(`${origin}/da/activities/${slug}/`)
      await page.getByRole('button', { name: 'Føj til ugens plan' }).click()
      await expect(page.getByRole('status').filter({ hasText: 'I ugens plan' }).count()).resolves.toBe(1)
    }
    await page.getByRole('link', { name: 'Åbn planen' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('a')).toBe(chosen.slice(0, 2).join(','))
    await expect.poll(() => page.locator('#plan-items li a').count()).toBe(2)
    await context.close()
  })

  it('round-trips its link: order, notes, start time; prints on one A4 page', async () => {
    const { context, foreign } = await recordingContext()
    const page = await context.newPage()
    await page.goto(`${origin}/da/activities/plan/?a=${chosen.join(',')}&start=09:30`)
    const titles = () => page.locator('#plan-items li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
    await expect.poll(titles).toEqual(chosen.map((s) => `/da/activities/${s}/`))
    const minutes = chosen.map((s) => content.activities.find((a) => a.slug === s)!.durationMinutes)
    const end = 9 * 60 + 30 + minutes[0]!
    const hhmm = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`
    await expect(page.locator('#plan-items li .when').first().textContent()).resolves.toBe(`${clockTime('09:30', 'da')}–${clockTime(hhmm, 'da')}`)
    // The dentist is the guest to invite; the materials of all four are on the checklist.
    await expect(page.locator('#plan-guest-list').textContent()).resolves.toContain('Tandlæge')
    const materials = content.activities.find((a) => a.slug === 'julegaveleg')!.materials!.da!
    await expect(page.locator('#plan-checklist').textContent()).resolves.toContain(materials[0])
    // Reorder and write notes: the link follows, and reopening it gives the same plan.
    await page.getByRole('button', { name: `Flyt ned: ${await page.locator('#plan-items li a').first().textContent()}` }).click()
    await page.getByRole('textbox', { name: 'Noter' }).fill('Husk te og kage & termokander')
    await expect.poll(() => new URL(page.url()).searchParams.get('notes')).toBe('Husk te og kage & termokander')
    const link = page.url()
    expect(new URL(link).searchParams.get('a')).toBe([chosen[1], chosen[0], ...chosen.slice(2)].join(','))
    const other = await context.newPage()
    await other.goto(link)
    await expect
      .poll(() => other.locator('#plan-items li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
      .toEqual([chosen[1], chosen[0], ...chosen.slice(2)].map((s) => `/da/activities/${s}/`))
    await expect(other.getByRole('textbox', { name: 'Noter' }).inputValue()).resolves.toBe('Husk te og kage & termokander')
    expect(await axeViolations(other)).toEqual([])
    // Print: one A4 page with the time line, the checklist and the notes.
    await other.emulateMedia({ media: 'print' })
    const dir = await mkdtemp(path.join(tmpdir(), 'modersmal-plan-'))
    const file = path.join(dir, 'plan.pdf')
    await writeFile(file, await other.pdf({ format: 'A4', preferCSSPageSize: true }))
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(info).toMatch(/Pages:\s+1\n/)
    expect(info).toMatch(/Page size:.*\(A4\)/)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('Husk te og kage & termokander')
    expect(text).toContain('Tandlæge')
    await other.close()
    expect(foreign).toEqual([])
    await context.close()
  })

  it('shares its link: the share sheet where there is one, else the clipboard', async () => {
    const link = `${origin}/da/activities/plan/?a=babymassage`
    // A phone: Web Share.
    const phone = await browser.newContext()
    await phone.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        value: async (data: ShareData) => {
          ;(window as unknown as { shared: ShareData }).shared = data
        },
      })
    })
    const p1 = await phone.newPage()
    await p1.goto(link)
    await expect.poll(() => p1.locator('#plan-items li').count()).toBe(1)
    await p1.getByRole('button', { name: 'Del planen' }).click()
    await expect.poll(() => p1.evaluate(() => (window as unknown as { shared?: ShareData }).shared?.url)).toBe(link)
    await phone.close()
    // A laptop without Web Share: the link is copied.
    const laptop = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
    await laptop.addInitScript(() => {
      Object.defineProperty(navigator, 'share', { value: undefined })
    })
    const p2 = await laptop.newPage()
    await p2.goto(link)
    await expect.poll(() => p2.locator('#plan-items li').count()).toBe(1)
    await p2.getByRole('button', { name: 'Del planen' }).click()
    await expect.poll(() => p2.locator('#plan-status').textContent()).toBe('Linket er kopieret. Sæt det ind i gruppens chat.')
    await expect(p2.evaluate(() => navigator.clipboard.readText())).resolves.toBe(link)
    await laptop.close()
  })

  it('an Arabic plan is right to left and marks Danish fallback titles as Danish', async () => {
    // Not in Arabic, so its page is the Danish one (site/lib/activity-pages.ts); a guest comes for it.
    const untranslated = content.activities.find((a) => a.title.ar === undefined && a.guest !== 'none')!
    const arabic = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../locales/ar/common.json'), 'utf8')) as { guests: Record<string, string> }
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${origin}/ar/activities/plan/?a=julegaveleg,${untranslated.slug}`)
    await expect.poll(() => page.locator('#plan-items li').count()).toBe(2)
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl')
    // The guest to invite in the plan's language, though the activity's page is Danish.
    await expect(page.locator('#plan-guest-list').textContent()).resolves.toContain(arabic.guests[untranslated.guest])
    const fallback = page.locator(`#plan-items a[href="/da/activities/${untranslated.slug}/"]`)
    await expect(fallback.getAttribute('lang')).resolves.toBe('da')
    await expect(fallback.getAttribute('dir')).resolves.toBe('ltr')
    await expect(page.locator('#plan-items a[href="/ar/activities/julegaveleg/"]').getAttribute('lang')).resolves.toBeNull()
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })
})

describe('accessibility', () => {
  it('the catalogue, a browse page and an activity have no WCAG 2.2 AA violations', async () => {
    for (const p of ['da/activities/', 'ar/activities/julegaveleg/', 'da/activities/theme/health/', 'so/activities/age/0-3/']) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(`${origin}/${p}`)
      expect(await axeViolations(page), p).toEqual([])
      await context.close()
    }
  })
})
