/**
 * The leaflet as a web page: accessible (axe-core, WCAG 2.2 AA), nothing from other hosts, every
 * fragment in another language marked, and the one translation rule deciding whether it is
 * offered for print and linked.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, siteInBrowser } from '../support/site-in-browser.ts'

const port = 4991
const read = (p: string) => readFile(path.join(inject('siteDir'), p, 'index.html'), 'utf8')

describe('the leaflet web page', () => {
  const site = siteInBrowser(port)
  const browser = () => site.browser
  const { origin } = site

  // pl has no leaflet text: the fallback page.
  const pages = ['da/aarhus/leaflet', 'ar/aarhus/leaflet', 'ti/vejle/leaflet', 'ur/esbjerg/leaflet', 'ar/aarhus/leaflet/bilingual', 'ur/aarhus/leaflet/bilingual', 'pl/aarhus/leaflet']
  it.each(pages)('/%s/ has no WCAG 2.2 AA violations and loads nothing from another host', async (p) => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.goto(`${origin}/${p}/`)
    await page.evaluate(() => document.fonts.ready)
    expect(await axeViolations(page)).toEqual([])
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([])
    await context.close()
  })

  it("offers printing and is linked from the group's page only where the leaflet is translated", async () => {
    const ar = await read('ar/aarhus/leaflet')
    expect(ar).toMatch(/<html lang="ar" dir="rtl"/)
    expect(ar).toContain('data-print')
    expect(await read('ar/aarhus')).toContain('href="/ar/aarhus/leaflet/"')

    // Polish: no leaflet text. The page exists, says so in Polish, shows its fallback (English)
    // marked as English, offers no printing, and the group's page does not link it; no bilingual sheet.
    const pl = await read('pl/aarhus/leaflet')
    expect(pl).toMatch(/<html lang="pl" dir="ltr"/)
    expect(pl).toContain('Ulotka nie została jeszcze przetłumaczona (Polski)')
    expect(pl).not.toContain('data-print')
    expect(pl).toMatch(/<span lang="en" dir="ltr"[^>]*>New Mother in Denmark – a mother group for you and your baby<\/span>/)
    expect(await read('pl/aarhus')).not.toContain('/pl/aarhus/leaflet/')
    await expect(read('pl/aarhus/leaflet/bilingual')).rejects.toThrow()
    await expect(read('da/aarhus/leaflet/bilingual')).rejects.toThrow()
  })

  it('gives every fragment of the bilingual sheet its own lang and dir', async () => {
    const html = await read('ur/aarhus/leaflet/bilingual')
    expect(html).toMatch(/<html lang="ur" dir="rtl"/)
    expect(html).toMatch(/<p lang="ur" dir="rtl" class="in-ur">گروپ ہر ہفتے/)
    expect(html).toMatch(/<p lang="da" dir="ltr" class="in-da">Gruppen mødes/)
    expect(html).toMatch(/<span class="value" lang="da" dir="ltr"><bdi>Hver tirsdag/)
    // The Danish address stays Danish on every sheet.
    expect(html).toMatch(/<span lang="da" dir="ltr">Familiehuset Tilst/)
  })

  it('styles the leaflet with logical properties only', async () => {
    const css = await readFile(path.resolve(import.meta.dirname, '../../site/styles/leaflet.css'), 'utf8')
    expect(css).not.toMatch(/(margin|padding|border)-(left|right)|[^-](left|right)\s*:|text-align\s*:\s*(left|right)|float\s*:/)
  })
})
