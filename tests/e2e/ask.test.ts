/**
 * A mother's own "call me" in real Chromium, without JavaScript (a cheap phone, a script that
 * failed to load): the form on her landing page posts to the admin's production server, which
 * stores the referral in the inbox and sends her to a thank-you page in her language; a mistake
 * comes back in her language with what she typed, to correct there. Nothing loads from another
 * host, no cookie is set, and every page she sees passes axe-core.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { noSmtpMessage } from '../../cms/email.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { siteCmsUrl } from '../setup/site.ts'
import { createStaff } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'
import { startHttpAdmin, type HttpAdmin } from '../support/http-admin.ts'
import { axeViolations, siteInBrowser } from '../support/site-in-browser.ts'

const port = 4968
const strings = (lang: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, `../../locales/${lang}/ask.json`), 'utf8')) as Record<string, string>
const arabic = strings('ar')
const tigrinya = strings('ti')

interface Stored {
  firstName?: string | null
  phone: string
  language: string
  source: string
  status: string
  municipality: { slug: string }
}

describe("a mother's call me, in Chromium without JavaScript", () => {
  const site = siteInBrowser(port)
  const { origin } = site
  let admin: HttpAdmin
  let browser: Browser

  beforeAll(async () => {
    admin = await startHttpAdmin(
      'sqlite',
      'ask',
      async (payload: Payload) => {
        await seedContent(payload, repoContent)
        await createStaff(payload, 'admin')
      },
      // Every post of this file comes from 127.0.0.1: more than one address's share in ten minutes.
      { SITE_URL: origin, MODERSMAL_ASK_LIMITS: 'perAddress10Min=20' },
      Number(new URL(siteCmsUrl).port),
    )
    browser = site.browser
  })
  afterAll(async () => admin?.stop())

  const stored = async (): Promise<Stored[]> => {
    const staff = await admin.signIn('admin@example.org', 'test-password-1')
    const a = await staff.request('GET', '/api/referrals?depth=1&sort=createdAt')
    expect(a.status, a.text).toBe(200)
    return a.json<{ docs: Stored[] }>().docs
  }

  /** Her phone, with scripts off unless asked; every request it makes and every cookie it keeps are watched. */
  async function phone(javaScriptEnabled = false): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    return { context, page, requests }
  }

  const sendFrom = async (page: Page, { phone: number, firstName }: { phone: string; firstName?: string }) => {
    await page.locator('input[name=phone]').fill(number)
    if (firstName) await page.locator('input[name=firstName]').fill(firstName)
    await page.locator('input[name=consent]').check()
    await Promise.all([page.waitForNavigation(), page.locator('form[method=post] button[type=submit]').click()])
  }

  const langAndDir = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])

  it('takes her number on her Arabic page and thanks her in Arabic', async () => {
    const { context, page, requests } = await phone()
    await page.goto(`${origin}/ar/aarhus/`)
    await expect(page.locator('#ask-heading').textContent()).resolves.toContain(arabic.heading)
    await sendFrom(page, { phone: '+45 52 61 70 89' })
    expect(page.url()).toBe(`${origin}/ar/aarhus/asked/`)
    await expect(page.locator('h1').textContent()).resolves.toContain(arabic.thanksTitle)
    expect(await langAndDir(page)).toEqual(['ar', 'rtl'])
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith(admin.url))).toEqual([])
    expect(await context.cookies()).toEqual([])
    await context.close()
    const docs = await stored()
    expect(docs.map((d) => [d.phone, d.firstName ?? null, d.language, d.municipality.slug, d.source, d.status])).toEqual([['+45 52 61 70 89', null, 'ar', 'aarhus', 'mother', 'new']])
  })

  it('keeps her first name when she gives it, in Tigrinya', async () => {
    const { context, page } = await phone()
    await page.goto(`${origin}/ti/vejle/`)
    await sendFrom(page, { phone: '52 61 70 90', firstName: 'ሰላም' })
    expect(page.url()).toBe(`${origin}/ti/vejle/asked/`)
    await expect(page.locator('h1').textContent()).resolves.toContain(tigrinya.thanksTitle)
    await context.close()
    expect((await stored()).at(-1)).toMatchObject({ firstName: 'ሰላም', phone: '52 61 70 90', language: 'ti', municipality: { slug: 'vejle' } })
  })

  it('tells her in Arabic when the number is wrong, keeps what she wrote, and takes the corrected one', async () => {
    const { context, page, requests } = await phone()
    await page.goto(`${origin}/ar/aarhus/`)
    await sendFrom(page, { phone: '123', firstName: 'Amal' })
    expect(new URL(page.url()).origin).toBe(admin.url)
    expect(await langAndDir(page)).toEqual(['ar', 'rtl'])
    await expect(page.locator('[role=alert]').textContent()).resolves.toBe(arabic.problemPhone)
    await expect(page.locator('input[name=phone]').inputValue()).resolves.toBe('123')
    await expect(page.locator('input[name=firstName]').inputValue()).resolves.toBe('Amal')
    const before = (await stored()).length
    // Corrected on the answer page, which posts to the admin again and then sends her to the site.
    await page.locator('input[name=phone]').fill('52 61 70 91')
    await Promise.all([page.waitForNavigation(), page.locator('button[type=submit]').click()])
    expect(page.url()).toBe(`${origin}/ar/aarhus/asked/`)
    await expect(page.locator('h1').textContent()).resolves.toContain(arabic.thanksTitle)
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith(admin.url))).toEqual([])
    expect(await context.cookies()).toEqual([])
    await context.close()
    const docs = await stored()
    expect(docs.length).toBe(before + 1)
    expect(docs.at(-1)).toMatchObject({ firstName: 'Amal', phone: '52 61 70 91', language: 'ar' })
    expect(docs.map((d) => d.phone)).not.toContain('123')
  })
  // axe-core runs as a script in the page, so this walk has scripts on; the form is the same.
  it('has no WCAG 2.2 AA violations on the form, the answer page or the thank-you page', async () => {
    const { context, page } = await phone(true)
    await page.goto(`${origin}/ar/aarhus/`)
    const found = { form: await axeViolations(page) }
    await sendFrom(page, { phone: '12' })
    await expect(page.locator('[role=alert]').textContent()).resolves.toBe(arabic.problemPhone)
    const answer = await axeViolations(page)
    await page.locator('input[name=phone]').fill('52 61 70 92')
    await Promise.all([page.waitForNavigation(), page.locator('button[type=submit]').click()])
    expect(page.url()).toBe(`${origin}/ar/aarhus/asked/`)
    expect({ ...found, answer, thanks: await axeViolations(page) }).toEqual({ form: [], answer: [], thanks: [] })
    await context.close()
  })

  // This admin has no SMTP_URL: the inbox works, and the console says no e-mail goes.
  it('says on the console that no e-mail is sent, and holds nothing she typed', () => {
    expect(admin.log()).toContain(noSmtpMessage)
    expect(admin.log()).not.toMatch(/52 61 70 9\d|ሰላም|Amal/)
  })
})
