/**
 * Searching the inspiration catalogue in Chromium with the Pagefind index the build wrote: the
 * words a volunteer types find the right activity, in the page's language.
 */
import type { Server } from 'node:http'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { serveSite } from '../../site/build/serve.ts'
import { launchChromium } from '../support/browser.ts'

const port = 4978
const origin = `http://127.0.0.1:${port}`

describe('catalogue search', () => {
  let server: Server
  let browser: Browser
  const pages = new Map<string, Page>()

  beforeAll(async () => {
    server = await serveSite(inject('siteDir'), port)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    server?.close()
  })

  /** The slugs of the top results for a query, searched from the catalogue page in `lang`. */
  async function top(lang: string, query: string, n = 3): Promise<string[]> {
    let page = pages.get(lang)
    if (!page) {
      page = await browser.newPage()
      await page.goto(`${origin}/${lang}/activities/`)
      pages.set(lang, page)
    }
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
  ])('%s: "%s" finds %s among the first three', async (lang, query, slug) => {
    expect(await top(lang, query)).toContain(slug)
  })

  it('keeps untranslated Danish text out of another language\'s index', async () => {
    // Salt dough prints are not translated into Arabic: their Danish text must not answer an
    // Arabic search (the Danish index finds them).
    expect(await top('da', 'saltdej')).toContain('saltdej-aftryk')
    expect(await top('ar', 'saltdej', 10)).not.toContain('saltdej-aftryk')
  })

  it('offers no search in a language with no activity text of its own', async () => {
    const page = await browser.newPage()
    await page.goto(`${origin}/so/activities/`)
    await expect(page.locator('#search').count()).resolves.toBe(0)
    await expect(page.locator('a[href="/so/activities/saltdej-aftryk/"]').count()).resolves.toBeGreaterThan(0)
    await page.close()
  })

  it('the catalogue and an activity have no WCAG 2.2 AA violations', async () => {
    for (const p of ['da/activities/', 'ar/activities/julegaveleg/']) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(`${origin}/${p}`)
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), p).toEqual([])
      await context.close()
    }
  })
})
