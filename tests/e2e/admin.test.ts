/**
 * The admin in a real browser: an editor logs in and edits an activity in Danish and in Arabic,
 * against the production build of the admin and a seeded SQLite database.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ensureAdminBuilt, startAdmin, type AdminServer } from '../../cms/admin-server.ts'
import { closeCms, openCms } from '../../cms/boot.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { launchChromium } from '../support/browser.ts'
import { axeViolations } from '../support/site-in-browser.ts'
import { repoContent } from '../support/content.ts'
import { loadContent } from '../../content/load.ts'
import { queueOrder, translationQueue } from '../../content/translation-queue.ts'

const editor = { email: 'redaktoer@example.org', password: 'en-lang-adgangskode-1' }
const translator = { email: 'oversaetter@example.org', password: 'en-lang-adgangskode-2' }

describe('the admin in Chromium', () => {
  let dataDir: string
  let server: AdminServer
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page
  let activityId: number | string
  let danishTitle: string
  let danishSteps: number
  let danishFirstStep: string
  let saltDough: { id: number | string; steps: string[] }

  beforeAll(async () => {
    ensureAdminBuilt(() => {})
    dataDir = mkdtempSync(path.join(tmpdir(), 'modersmal-e2e-'))
    const url = `file:${path.join(dataDir, 'cms.db')}`
    const payload = await openCms({ database: { url }, dataDir, secret: 'e2e-secret', key: 'e2e' })
    await seedContent(payload, repoContent)
    await payload.create({ collection: 'users', overrideAccess: true, data: { ...editor, role: 'editor' } })
    await payload.create({ collection: 'users', overrideAccess: true, data: { ...translator, role: 'translator', translatorLocales: ['ar', 'so'] } })
    const { docs } = await payload.find({ collection: 'activities', where: { slug: { equals: 'babymassage' } }, locale: 'da', overrideAccess: true })
    activityId = docs[0]!.id
    danishTitle = docs[0]!.title as string
    danishSteps = (docs[0]!.steps as unknown[]).length
    danishFirstStep = (docs[0]!.steps as Array<{ text: string }>)[0]!.text
    const salt = (await payload.find({ collection: 'activities', where: { slug: { equals: 'saltdej-aftryk' } }, locale: 'da', overrideAccess: true })).docs[0]!
    saltDough = { id: salt.id, steps: (salt.steps as Array<{ text: string }>).map((s) => s.text) }
    await closeCms(payload)
    server = await startAdmin({ port: 3917, env: { DATABASE_URL: url, MODERSMAL_DATA_DIR: dataDir, PAYLOAD_SECRET: 'e2e-secret' } })
    browser = await launchChromium()
    page = await browser.newPage()
    // The admin's first pages can be slow while the other test files load the machine.
    page.setDefaultTimeout(90_000)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  const api = async (locale: string) => {
    const res = await page.request.get(`${server.url}/api/activities/${activityId}?locale=${locale}&fallback-locale=none&depth=0`)
    expect(res.ok()).toBe(true)
    return (await res.json()) as { title: string }
  }

  const saveTitle = async (locale: string, title: string) => {
    await page.goto(`${server.url}/admin/collections/activities/${activityId}?locale=${locale}`)
    const field = page.locator('#field-title')
    await field.waitFor()
    await field.fill(title)
    await page.getByRole('button', { name: /^publish in/i }).click()
    await page
      .getByText(/updated successfully|published successfully/i)
      .first()
      .waitFor()
  }

  it('shows the translation dashboard to staff only', async () => {
    const anonymous = await browser.newContext()
    const res = await anonymous.request.get(`${server.url}/admin/translations`)
    expect(await res.text()).not.toContain('translation-coverage')
    await anonymous.close()
  })

  it('lets an editor log in', async () => {
    await page.goto(`${server.url}/admin/login`)
    await page.locator('#field-email').fill(editor.email)
    await page.locator('#field-password').fill(editor.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(/\/admin\/?$/)
    await expect(
      page
        .getByRole('link', { name: /activities/i })
        .first()
        .isVisible(),
    ).resolves.toBe(true)
  })

  it('asks no other host on any admin page (no avatar from gravatar.com)', async () => {
    const elsewhere: string[] = []
    const own = new URL(server.url).host
    const note = (r: { url: () => string }) => {
      const u = new URL(r.url())
      if (/^https?:$/.test(u.protocol) && u.host !== own) elsewhere.push(r.url())
    }
    page.on('request', note)
    try {
      for (const at of ['/admin', '/admin/collections/activities', `/admin/collections/activities/${activityId}?locale=ar`, '/admin/account', '/admin/translations']) {
        await page.goto(`${server.url}${at}`)
        await page.waitForLoadState('networkidle')
      }
    } finally {
      page.off('request', note)
    }
    expect(elsewhere).toEqual([])
  })

  it('shows a translator the Danish above each field, offers her languages and Danish only, names the language when she writes in another, lists her queue, and copies a Danish list in', async () => {
    const context = await browser.newContext()
    const hers = await context.newPage()
    hers.setDefaultTimeout(90_000)
    try {
      await hers.goto(`${server.url}/admin/login`)
      await hers.locator('#field-email').fill(translator.email)
      await hers.locator('#field-password').fill(translator.password)
      await hers.locator('button[type="submit"]').click()
      await hers.waitForURL(/\/admin\/?$/)
      await hers.goto(`${server.url}/admin/collections/activities/${activityId}?locale=ar`)
      await hers.locator('#field-title').waitFor()
      // The Danish above each field she translates, in Danish and left to right: a text, and a list as a list.
      const source = (path: string) => hers.locator(`.source-text[data-path="${path}"] [lang="da"][dir="ltr"]`)
      await expect(source('title').textContent()).resolves.toBe(danishTitle)
      await expect(source('steps').locator('li').count()).resolves.toBe(danishSteps)
      await expect(source('steps').locator('li').first().textContent()).resolves.toBe(danishFirstStep)
      // What we add to Payload's edit view passes axe-core (Payload's own controls are its own).
      expect(await axeViolations(hers, ['.source-text', '.translation-panel'])).toEqual([])
      await hers.locator('.localizer .popup__trigger-wrap').click()
      const offered = hers.locator('.popup-button-list__button [data-locale]')
      await offered.first().waitFor()
      expect((await offered.evaluateAll((els) => els.map((e) => e.getAttribute('data-locale')))).sort()).toEqual(['ar', 'da', 'so'])
      // A write in another language (an old link, a script): refused, saying why and who can help.
      const answer = await hers.request.patch(`${server.url}/api/activities/${activityId}?locale=ti`, { data: { title: 'ሕጻን' }, headers: { origin: server.url } })
      expect(answer.status()).toBe(403)
      expect(((await answer.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe(
        'ትግርኛ (Tigrinya) is not one of your languages (you translate into العربية (Arabic) and Soomaali (Somali)). An administrator can add it to your account.',
      )
      // Her queue: exactly what the coverage report counts as missing or outdated in Arabic and
      // Somali, collection by collection, each a link to the document in that language.
      const expected = translationQueue(await loadContent(repoContent), ['ar', 'so'])
      for (const kind of queueOrder) {
        await hers.goto(`${server.url}/admin/translations/mine?collection=${kind}`)
        await hers.locator('.queue-collections').waitFor()
        if (kind === 'activities') expect(await axeViolations(hers, ['.queue-collections', '.translation-queue'])).toEqual([])
        const listed = await hers.locator(`section[data-collection="${kind}"] li`).evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-locale')}/${li.getAttribute('data-key')}`))
        expect(listed.sort(), kind).toEqual(
          expected
            .filter((i) => i.kind === kind)
            .map((i) => `${i.locale}/${i.key}`)
            .sort(),
        )
      }
      await hers.locator('section[data-collection="activities"] li[data-locale="so"] a').first().click()
      await hers.waitForURL(/\/admin\/collections\/activities\/\w+\?locale=so#field-/)
      await hers.locator('#field-title').waitFor()
      // Somali has no steps yet: the Danish list is copied in, row by row, to translate. (Another
      // activity than the one the editor's tests edit: the open, changed form locks it for her.)
      await hers.goto(`${server.url}/admin/collections/activities/${saltDough.id}?locale=so`)
      // Shown once (Payload renders it a second time inside the list's fallback checkbox, hidden).
      await expect(hers.locator('.source-text[data-path="steps"]:visible').count()).resolves.toBe(1)
      const copy = hers.locator('.source-text[data-path="steps"]:visible .copy-source')
      await copy.click()
      await expect(hers.locator('#field-steps__0__text').inputValue()).resolves.toBe(saltDough.steps[0]!)
      await expect(hers.locator('#field-steps__0__text[lang="so"][dir="ltr"]').count()).resolves.toBe(1)
      await expect(hers.locator(`#field-steps__${saltDough.steps.length - 1}__text`).inputValue()).resolves.toBe(saltDough.steps.at(-1)!)
      await expect(copy.count()).resolves.toBe(0)
    } finally {
      await context.close()
    }
  })

  it('edits and publishes an activity in Danish', async () => {
    await saveTitle('da', 'Babymassage med olie og sang')
    expect((await api('da')).title).toBe('Babymassage med olie og sang')
  })

  it('edits the Arabic translation without touching the Danish', async () => {
    await saveTitle('ar', 'تدليك الطفل بالزيت والغناء')
    expect((await api('ar')).title).toBe('تدليك الطفل بالزيت والغناء')
    expect((await api('da')).title).toBe('Babymassage med olie og sang')
  })

  it('writes Arabic fields right to left, marked as Arabic, in the editor', async () => {
    await page.goto(`${server.url}/admin/collections/activities/${activityId}?locale=ar`)
    const dir = await page.locator('#field-title').evaluate((el) => getComputedStyle(el).direction)
    expect(dir).toBe('rtl')
    // In her language too: spell checking, the keyboard and a screen reader follow the input's lang.
    await expect(page.locator('#field-title[lang="ar"][dir="rtl"]').count()).resolves.toBe(1)
    await expect(page.locator('#field-summary[lang="ar"][dir="rtl"]').count()).resolves.toBe(1)
    await expect(page.locator('#field-steps__0__text[lang="ar"][dir="rtl"]').count()).resolves.toBe(1)
    // A shared field is not hers to write in Arabic, and keeps no language of its own.
    await expect(page.locator('#field-durationMinutes').getAttribute('lang')).resolves.toBeNull()
  })

  it('marks translations outdated when the Danish changes, and shows the editor and translator what changed', async () => {
    await page.goto(`${server.url}/admin/collections/activities/${activityId}?locale=da`)
    const tips = page.locator('#field-tips')
    await tips.waitFor()
    const before = await tips.inputValue()
    await tips.fill(`${before} Hold pause, hvis en baby græder.`)
    await page.getByRole('button', { name: /^publish in/i }).click()
    await page
      .getByText(/updated successfully|published successfully/i)
      .first()
      .waitFor()
    // The Danish side names the languages that are now behind.
    await page.reload()
    await expect(page.locator('.translation-panel').textContent()).resolves.toMatch(/Arabic: outdated in Tips/)
    // The list: the Arabic badge of this activity says outdated.
    await page.goto(`${server.url}/admin/collections/activities?limit=100`)
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'Babymassage med olie og sang' }) })
    await expect(row.locator('.translation-badges [data-locale="ar"]').getAttribute('data-state')).resolves.toBe('outdated')
    await expect(row.locator('.translation-badges [data-locale="en"]').getAttribute('data-state')).resolves.toBe('outdated')
    // The Arabic edit view: which field, and the Danish change as a diff.
    await page.goto(`${server.url}/admin/collections/activities/${activityId}?locale=ar`)
    const panel = page.locator('.translation-panel')
    await expect(panel.locator('[data-field="tips"]').first().getAttribute('data-state')).resolves.toBe('outdated')
    await expect(panel.locator('[data-field="title"]').first().getAttribute('data-state')).resolves.toBe('machine')
    await expect(panel.locator('.source-diff[data-field="tips"] ins').allTextContents()).resolves.toEqual([expect.stringContaining('Hold pause, hvis en baby græder.')])
    // The dashboard counts it.
    await page.goto(`${server.url}/admin/translations`)
    const outdatedAr = Number(await page.locator('tr[data-locale="ar"] > td[data-state="outdated"]').textContent())
    expect(outdatedAr).toBeGreaterThanOrEqual(2) // this change and the seeded Christmas game
    // Reachable from the navigation on every admin page.
    await page.goto(`${server.url}/admin`)
    await expect(page.locator('nav a[href="/admin/translations"]').count()).resolves.toBe(1)
  })

  it('speaks Danish to an editor whose browser reads Danish: names, states, the panel and the dashboard', async () => {
    const context = await browser.newContext({ locale: 'da-DK' })
    const danish = await context.newPage()
    danish.setDefaultTimeout(90_000)
    await danish.goto(`${server.url}/admin/login`)
    await danish.locator('#field-email').fill(editor.email)
    await danish.locator('#field-password').fill(editor.password)
    await danish.locator('button[type="submit"]').click()
    await danish.waitForURL(/\/admin\/?$/)
    await expect(danish.locator('nav a[href="/admin/translations"]').textContent()).resolves.toBe('Oversættelser')
    await expect(danish.locator('nav').getByText('Aktiviteter', { exact: true }).count()).resolves.toBeGreaterThan(0)
    // The outdated tips of the case above, in Danish: the language, the state and the field's name.
    await danish.goto(`${server.url}/admin/collections/activities/${activityId}?locale=da`)
    await expect(danish.locator('.translation-panel').textContent()).resolves.toMatch(/Arabisk: forældet i Gode råd/)
    await expect(danish.locator('label[for="field-tips"]').textContent()).resolves.toMatch(/Gode råd/)
    await danish.goto(`${server.url}/admin/collections/activities/${activityId}?locale=ar`)
    await expect(danish.locator('.translation-panel h4').textContent()).resolves.toBe('Oversættelse til arabisk')
    await expect(danish.locator('.source-diff[data-field="tips"] h5').textContent()).resolves.toMatch(/^Gode råd: hvad der er ændret i den danske tekst/)
    // In Danish: the admin keeps each person's last language (Arabic, from the case above).
    await danish.goto(`${server.url}/admin/collections/activities?limit=100&locale=da`)
    const row = danish.locator('tr', { has: danish.getByRole('link', { name: 'Babymassage med olie og sang' }) })
    await expect(row.locator('.translation-badges [data-locale="ar"]').getAttribute('title')).resolves.toBe('Arabisk: forældet')
    await danish.goto(`${server.url}/admin/translations`)
    await expect(danish.locator('h1').textContent()).resolves.toBe('Oversættelser')
    await expect(danish.locator('tr[data-locale="ar"] summary').textContent()).resolves.toBe('Arabisk (ar)')
    await context.close()
  })
})
