/**
 * A health visitor refers a mother in real Chromium on a phone-sized screen, with JavaScript off
 * and on: she signs in, taps the mother's language, shows her the consent in it, fills in the
 * form and sends; the referral is in her municipality's inbox, and her own page shows its status
 * only. axe-core runs on her pages; nothing loads from another host (a CSP violation fails the test).
 */
import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { askText } from '../../cms/collections/Referrals/ask/strings.ts'
import { referText } from '../../cms/collections/Referrals/refer/strings.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { launchChromium } from '../support/browser.ts'
import { createStaff } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'
import { startHttpAdmin, type HttpAdmin } from '../support/http-admin.ts'
import { startMailCatcher, type MailCatcher } from '../support/smtp.ts'
import { axeViolations } from '../support/site-in-browser.ts'

const password = 'test-password-1'

describe('a health visitor refers on her phone, in Chromium', () => {
  let admin: HttpAdmin
  let browser: Browser
  let mail: MailCatcher

  beforeAll(async () => {
    browser = await launchChromium()
    mail = await startMailCatcher()
    admin = await startHttpAdmin(
      'sqlite',
      'refer',
      async (payload: Payload) => {
        await seedContent(payload, repoContent)
        const aarhus = (await payload.find({ collection: 'municipalities', where: { slug: { equals: 'aarhus' } }, overrideAccess: true })).docs[0]!.id
        await createStaff(payload, 'admin')
        await createStaff(payload, 'coordinator', { municipality: aarhus }, 'aarhus@example.org')
        // A mother who asked ten days ago and has not been called yet.
        const old = new Date(Date.now() - 10 * 24 * 60 * 60 * 1000).toISOString()
        await payload.create({
          collection: 'referrals',
          overrideAccess: true,
          data: { phone: '+45 52 61 70 11', language: 'so', municipality: Number(aarhus), consent: true, source: 'mother', status: 'new', createdAt: old } as never,
        })
        await payload.create({ collection: 'health-visitors', overrideAccess: true, data: { email: 'hanne@example.org', password, municipalities: [Number(aarhus)] } })
        await payload.create({ collection: 'health-visitors', overrideAccess: true, data: { email: 'ida@example.org', password: 'the-coordinators-own-1', municipalities: [Number(aarhus)] } })
      },
      { SMTP_URL: mail.url },
    )
  })
  afterAll(async () => {
    await browser?.close()
    await admin?.stop()
    await mail?.stop()
  })

  const inbox = async () => {
    const staff = await admin.signIn('admin@example.org', password)
    return (await staff.request('GET', '/api/referrals?depth=1&sort=createdAt')).json<{ docs: Array<Record<string, unknown> & { municipality: { slug: string } }> }>().docs
  }

  async function phone(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 }, locale: 'da-DK' })
    const page = await context.newPage()
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    return { context, page, requests }
  }

  /** Aarhus's coordinator, signed in to the Danish admin, on its dashboard. */
  async function coordinator(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'da-DK', acceptDownloads: true })
    const page = await context.newPage()
    await page.goto(`${admin.url}/admin/login`)
    await page.locator('#field-email').fill('aarhus@example.org')
    await page.locator('#field-password').fill(password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(/\/admin\/?$/)
    return { context, page }
  }

  const submit = (page: Page, button: string) => Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()])

  it.each([
    ['off', false, 'Selam', '+45 52 61 70 89', 'ti', 'ትግርኛ'],
    ['on', true, 'Amal', '52 61 70 90', 'ar', 'العربية'],
  ] as const)('refers a mother with JavaScript %s, in Danish, with the consent in her language', async (_js, js, firstName, number, language, endonym) => {
    const { context, page, requests } = await phone(js)
    await page.goto(`${admin.url}/api/referrals/refer`)
    await expect(page.locator('h1').textContent()).resolves.toBe(referText('da', 'signInTitle'))
    await page.getByLabel(referText('da', 'email')).fill('hanne@example.org')
    await page.getByLabel(referText('da', 'password')).fill(password)
    await submit(page, referText('da', 'signIn'))
    await expect(page.locator('#languages').textContent()).resolves.toBe(referText('da', 'chooseLanguage'))
    await Promise.all([page.waitForNavigation(), page.locator(`.languages a:has(span[lang="${language}"])`).click()])
    const consent = page.locator(`.said p[lang="${language}"]`)
    await expect(consent.textContent()).resolves.toBe(askText(language, 'consent'))
    await expect(consent.getAttribute('dir')).resolves.toBe(language === 'ar' ? 'rtl' : 'ltr')
    if (js) expect(await axeViolations(page)).toEqual([])
    await page.getByLabel(referText('da', 'firstName')).fill(firstName)
    await page.getByLabel(referText('da', 'phone')).fill(number)
    await page.getByLabel(referText('da', 'babyAge')).fill('2')
    await page.getByLabel(referText('da', 'confirm')).check()
    await submit(page, referText('da', 'send'))
    await expect(page.locator('[role=status]').textContent()).resolves.toContain('Aarhus')
    await expect(page.locator('tbody tr').first().textContent()).resolves.toContain(endonym)
    await expect(page.locator('main').textContent()).resolves.not.toContain(number)
    if (js) expect(await axeViolations(page)).toEqual([])
    expect(requests.filter((u) => !u.startsWith(admin.url))).toEqual([])
    await context.close()
    expect((await inbox()).at(-1)).toMatchObject({ firstName, phone: number, language, source: 'health-visitor', babyAgeMonths: 2, municipality: { slug: 'aarhus' } })
  })

  it('keeps her signed in on the device, and signs her out', async () => {
    const { context, page } = await phone(false)
    await page.goto(`${admin.url}/api/referrals/refer`)
    await page.getByLabel(referText('da', 'email')).fill('hanne@example.org')
    await page.getByLabel(referText('da', 'password')).fill(password)
    await submit(page, referText('da', 'signIn'))
    const [token] = (await context.cookies()).filter((c) => c.name === 'payload-token')
    expect([token?.httpOnly, token?.sameSite]).toEqual([true, 'Strict'])
    expect(Math.round((token!.expires * 1000 - Date.now()) / 86_400_000)).toBe(90)
    // A new visit, as from the home screen: still signed in.
    await page.goto(`${admin.url}/api/referrals/refer`)
    await expect(page.locator('#languages').count()).resolves.toBe(1)
    await submit(page, referText('da', 'signOut'))
    await expect(page.locator('h1').textContent()).resolves.toBe(referText('da', 'signInTitle'))
    expect((await context.cookies()).filter((c) => c.name === 'payload-token')).toEqual([])
    await context.close()
  })

  it('has no WCAG 2.2 AA violations on the sign-in page, in English too', async () => {
    const { context, page } = await phone(true)
    await page.goto(`${admin.url}/api/referrals/refer?ui=en`)
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en')
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })

  it('speaks Danish in the admin to a Danish browser, and English to an English one', async () => {
    for (const [locale, question] of [
      ['da-DK', 'Glemt adgangskode?'],
      ['en-US', 'Forgot password?'],
    ] as const) {
      const context = await browser.newContext({ locale })
      const page = await context.newPage()
      await page.goto(`${admin.url}/admin/login`)
      await expect.poll(() => page.getByText(question).count()).toBeGreaterThan(0)
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(locale.slice(0, 2))
      await context.close()
    }
  })

  it("flags on her coordinator's dashboard, in Danish, a referral not called within three working days", async () => {
    const { context, page } = await coordinator()
    const flag = page.getByRole('link', { name: '1 henvisning i Aarhus er ikke kontaktet inden for 3 arbejdsdage' })
    await expect.poll(() => flag.count()).toBe(1)
    await Promise.all([page.waitForURL(/collections\/referrals/), flag.click()])
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(1)
    await context.close()
  })

  it('lets her coordinator hand a mother everything kept about her, and delete it, when she asks', async () => {
    const somali = (await inbox()).find((r) => r.language === 'so')!
    const { context, page } = await coordinator()
    await page.goto(`${admin.url}/admin/collections/referrals/${somali.id}`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent alt om hende (fil)' }).click()])
    expect(download.suggestedFilename()).toBe(`modersmal-referral-${somali.id}.json`)
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { referrals: Array<{ phone: string; language: string }> }
    expect(file.referrals.map((r) => [r.phone, r.language])).toEqual([['+45 52 61 70 11', 'Soomaali (Somali)']])
    // Deleting takes a second, explicit click; the first only asks.
    await page.getByRole('button', { name: 'Slet alt om hende' }).click()
    expect(await inbox()).toContainEqual(expect.objectContaining({ id: somali.id }))
    await Promise.all([page.waitForURL(/collections\/referrals\/?(\?.*)?$/), page.getByRole('button', { name: 'Slet nu: alle hendes henvisninger, også de andre' }).click()])
    expect((await inbox()).map((r) => r.id)).not.toContain(somali.id)
    await context.close()
  })

  it('lets her coordinator invite a health visitor from the admin, who chooses her password on her phone', async () => {
    const { context, page } = await coordinator()
    await page.goto(`${admin.url}/admin/collections/health-visitors`)
    await Promise.all([page.waitForURL(/health-visitors\/\d+/), page.getByRole('link', { name: 'ida@example.org' }).click()])
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Invitationen er på vej til ida@example.org. Linket virker i 3 dage.' }).count()).toBe(1)
    await context.close()
    await expect.poll(() => mail.received.filter((m) => m.to.includes('ida@example.org')).length).toBe(1)
    const link = /https?:\/\/\S+?do=password&token=[0-9a-f]+/.exec(mail.received.find((m) => m.to.includes('ida@example.org'))!.text)![0]

    const { context: hers, page: phonePage } = await phone(false)
    await phonePage.goto(link)
    await expect(phonePage.locator('h1').textContent()).resolves.toBe(referText('da', 'passwordTitle'))
    await phonePage.getByLabel(referText('da', 'newPassword')).fill('idas-egen-kode-1')
    await phonePage.getByLabel(referText('da', 'repeatPassword')).fill('idas-egen-kode-1')
    await submit(phonePage, referText('da', 'savePassword'))
    await expect(phonePage.getByRole('status').textContent()).resolves.toBe(referText('da', 'passwordSet'))
    await expect(phonePage.locator('#languages').textContent()).resolves.toBe(referText('da', 'chooseLanguage'))
    await hers.close()
  })

  it('has no WCAG 2.2 AA violations on the pages to get a link and to choose a password', async () => {
    const { context, page } = await phone(true)
    for (const query of ['do=forgot', 'do=password&token=0000', 'do=forgot&ui=en']) {
      await page.goto(`${admin.url}/api/referrals/refer?${query}`)
      expect(await axeViolations(page), query).toEqual([])
    }
    await context.close()
  })
})
