/**
 * The catalogue when it is larger than the demo's: the demo's activities and 200 generated ones in
 * Danish, English and Arabic, built as a publish would build them (from the demo site's build
 * cache). Every filter combination finds exactly its activities with the right counts, the search
 * form pages through many results, the browse pages without JavaScript go on over several pages,
 * and a plan of twelve activities opens whole. The benchmark runs the same checks on 5,000
 * activities (bench/catalogue.ts, with tests/support/catalogue-at-scale.ts).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { generateContent, isGenerated } from '../../content/generate.ts'
import { urls } from '../../content/urls.ts'
import { loadContent, type ContentSet } from '../../content/load.ts'
import type { LocaleCode } from '../../locales/registry.ts'
import { cacheDirFor } from '../../site/build/build-cache.ts'
import { buildSite } from '../../site/build/build-site.ts'
import { browsePageSize, facets, matching } from '../../site/lib/facets.ts'
import { serveSite } from '../../site/server/serve.ts'
import { launchChromium } from '../support/browser.ts'
import { filterFaults, planFaults, quickFaults, readerHref, selections } from '../support/catalogue-at-scale.ts'
import { repoContent } from '../support/content.ts'

const port = 4962
const origin = `http://127.0.0.1:${port}`
const generated = 200

let work: string
let server: Server
let browser: Browser
let content: ContentSet

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'modersmal-catalogue-at-scale-'))
  const contentDir = path.join(work, 'content')
  const outDir = path.join(work, 'dist')
  await generateContent(repoContent, contentDir, generated)
  cpSync(cacheDirFor(inject('siteDir')), cacheDirFor(outDir), { recursive: true })
  await buildSite({ root: path.resolve(import.meta.dirname, '../..'), contentDir, outDir })
  content = await loadContent(contentDir)
  server = await serveSite(outDir, port)
  browser = await launchChromium()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  server?.close()
  if (work) rmSync(work, { recursive: true, force: true })
})

const hrefsOn = (lang: LocaleCode, activities: ContentSet['activities']) => activities.map((a) => readerHref(a, lang)).sort()

describe('the catalogue at a larger size', () => {
  it.each(['da', 'ar'] as const)('%s: every filter combination finds exactly the matching activities, with the right count beside each value, in both indexes', async (lang) => {
    const tried = selections(100)
    expect(tried.length).toBeGreaterThan(700)
    const page = await browser.newPage()
    await page.goto(`${origin}${urls.activities(lang)}`)
    expect(await filterFaults(page, lang, content.activities, tried)).toEqual([])
    await page.close()
    // And the quick index, which answers first.
    expect(await quickFaults(origin, lang, content.activities, tried)).toEqual([])
  })

  it('the search form shows ten results at a time, more on request, and the counts of what is found', async () => {
    const page = await browser.newPage()
    const expected = matching(content.activities, { language: ['not-needed'] })
    expect(expected.length).toBeGreaterThan(2 * 10)
    // A shared link with a filter in it: the form restores it and searches.
    await page.goto(`${origin}${urls.activities('da')}?language=not-needed`)
    await expect.poll(() => page.locator('#result-count').textContent()).toBe(`Fundne aktiviteter: ${expected.length}`)
    await expect.poll(() => page.locator('#results li').count()).toBe(10)
    await page.getByRole('button', { name: 'Vis flere' }).click()
    await expect.poll(() => page.locator('#results li').count()).toBe(20)
    const shown = await page.locator('#results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
    expect(new Set(shown).size).toBe(20)
    expect(hrefsOn('da', expected)).toEqual(expect.arrayContaining(shown))
    for (const value of ['health', 'creative']) {
      const count = matching(expected, { theme: [value] }).length
      await expect(page.locator(`[data-count-of="theme:${value}"]`).textContent()).resolves.toBe(`(${count})`)
    }
    await page.close()
  })

  it('ar: the browse pages without JavaScript list every activity of each value, 50 to a page, each where its reader finds it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    let longest = 0
    for (const f of facets)
      for (const value of f.values) {
        const expected = matching(content.activities, { [f.name]: [value] })
        if (!expected.length) continue
        const listed: string[] = []
        for (let n = 1; ; n++) {
          const response = await page.goto(`${origin}${urls.activityFacet('ar', f.name, value, n)}`)
          expect(response?.status(), `${f.name}=${value}, page ${n}`).toBe(200)
          const hrefs = await page.locator('main .activity-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
          expect(hrefs.length).toBeLessThanOrEqual(browsePageSize)
          listed.push(...hrefs)
          longest = Math.max(longest, n)
          if (!(await page.locator('a[rel=next]').count())) break
        }
        expect(listed.sort(), `${f.name}=${value}`).toEqual(hrefsOn('ar', expected))
      }
    // The set is large enough to need several pages for a value.
    expect(longest).toBeGreaterThan(2)
    await context.close()
  })

  it.each(['da', 'ar'] as const)('%s: a plan of twelve activities, generated and written, opens whole in its order', async (lang) => {
    const demo = content.activities.filter((a) => !isGenerated(a))
    const made = content.activities.filter(isGenerated)
    // In Arabic, some of the written ones have their page in Danish.
    const chosen = [demo.find((a) => a.title.ar !== undefined)!, made[7]!, ...demo.filter((a) => a.title.ar === undefined).slice(0, 3), ...made.slice(-7)]
    expect(new Set(chosen).size).toBe(12)
    expect(
      await planFaults(
        browser,
        origin,
        lang,
        content.activities,
        chosen.map((a) => a.slug),
      ),
    ).toEqual([])
  })
})
