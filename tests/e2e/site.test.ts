/**
 * The public site in real Chromium: accessibility (axe-core, WCAG 2.2 AA), no request leaving
 * the machine, and the language chooser's suggestion.
 */
import { describe, expect, it } from 'vitest'
import { takeCspViolations } from '../support/browser.ts'
import { axeViolations, siteInBrowser } from '../support/site-in-browser.ts'

const port = 4977

describe('the public site in Chromium', () => {
  const site = siteInBrowser(port)
  const browser = () => site.browser
  const { origin } = site

  const pages = ['da/aarhus', 'ar/aarhus', 'ti/vejle', 'da/guides/breastfeeding', 'ar/guides/breastfeeding', 'ti/guides/breastfeeding', 'da/info/privacy', 'ar/info/volunteers', '']
  it.each(pages)('/%s has no WCAG 2.2 AA violations', async (p) => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await page.goto(`${origin}/${p}${p ? '/' : ''}`)
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })

  it.each(['ar/aarhus', 'ur/esbjerg', 'ti/vejle', 'th/aalborg'])('/%s loads nothing from outside this machine and sets no cookie', async (p) => {
    const context = await browser().newContext()
    const page = await context.newPage()
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await page.goto(`${origin}/${p}/`)
    await page.evaluate(() => document.fonts.ready)
    // Open the share code too: its QR image is loaded only then.
    await page.locator('details.qr summary').click()
    await page.locator('details.qr img').evaluate((img: HTMLImageElement) => img.decode())
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([])
    expect(await context.cookies()).toEqual([])
    await context.close()
  })

  it('loads the script font only on pages whose language needs it', async () => {
    const page = await browser().newPage()
    const fonts: string[] = []
    page.on('request', (r) => r.url().endsWith('.woff2') && fonts.push(r.url()))
    await page.goto(`${origin}/ti/vejle/`)
    await page.evaluate(() => document.fonts.ready)
    expect(fonts.some((f) => f.includes('ethiopic'))).toBe(true)
    fonts.length = 0
    await page.goto(`${origin}/da/vejle/`)
    await page.evaluate(() => document.fonts.ready)
    expect(fonts).toEqual([])
    await page.close()
  })

  it("suggests the phone's language on the chooser, then the one chosen, without redirecting", async () => {
    const context = await browser().newContext({ locale: 'ar-SA' })
    const page = await context.newPage()
    await page.goto(`${origin}/`)
    const suggestion = page.locator('#suggestion a')
    await expect(suggestion.getAttribute('href')).resolves.toBe('/ar/')
    await expect(suggestion.getAttribute('dir')).resolves.toBe('rtl')
    expect(page.url()).toBe(`${origin}/`)
    await page.locator('a[hreflang="ti"]').click()
    await page.waitForURL(`${origin}/ti/`)
    await page.goto(`${origin}/`)
    await expect(suggestion.getAttribute('href')).resolves.toBe('/ti/')
    await context.close()
  })

  it('works without JavaScript: the landing page reads and acts the same', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${origin}/ar/aarhus/`)
    await expect(page.locator('a[href^="tel:"]').count()).resolves.toBe(1)
    await expect(page.locator('a[href^="sms:"]').count()).resolves.toBe(1)
    await expect(page.locator('a[href^="mailto:"]').count()).resolves.toBe(1)
    await context.close()
  })

  it('runs no script and loads no image that the page did not bring itself', async () => {
    const context = await browser().newContext()
    const page = await context.newPage()
    // Chromium announces the pixel's request, then blocks it: what left the machine is what failed otherwise.
    const left: string[] = []
    page.on('requestfinished', (r) => left.push(r.url()))
    page.on('requestfailed', (r) => !/csp|ERR_BLOCKED_BY_CSP/i.test(r.failure()?.errorText ?? '') && left.push(`${r.url()} (${r.failure()?.errorText})`))
    await page.goto(`${origin}/ar/guides/breastfeeding/`)
    // What a script slipped into a guide would try: run inline code, load a tracking pixel.
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.injected = true'
      document.body.append(script)
      const img = document.createElement('img')
      img.src = 'http://tracker.example/pixel.gif'
      img.alt = ''
      document.body.append(img)
    })
    // Both refused by the page's policy, each reported (and taken here, so the test does not fail on them).
    const seen: string[] = []
    await expect
      .poll(() => {
        seen.push(...takeCspViolations())
        return seen.join('\n')
      })
      .toMatch(/script-src[\s\S]*img-src|img-src[\s\S]*script-src/)
    expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined()
    expect(left.filter((u) => !u.startsWith(origin))).toEqual([])
    await context.close()
  })
})
