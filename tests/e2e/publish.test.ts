/**
 * The publish loop, whole: the admin (production build), the publisher and the static site, on a
 * private copy of content/ and a seeded SQLite database. A translator publishes Arabic and the
 * public Arabic page changes within seconds; a publish killed mid-build keeps the old site live and
 * tells the editors; the next publish recovers; a Danish change puts the notice on the Arabic page.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAdmin, type AdminServer } from '../../cms/admin-server.ts'
import { closeCms, openCms } from '../../cms/boot.ts'
import { startPublisher, type Publisher } from '../../cms/publish/publisher.ts'
import { readStatus } from '../../cms/publish/status.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { buildSite } from '../../site/build/build-site.ts'
import { serveSite } from '../../site/build/serve.ts'
import { launchChromium } from '../support/browser.ts'
import { copyOfContent } from '../support/content.ts'

const root = path.resolve(import.meta.dirname, '../..')
const translator = { email: 'oversaetter@example.org', password: 'en-lang-adgangskode-2' }
const editor = { email: 'redaktoer@example.org', password: 'en-lang-adgangskode-1' }
const sitePort = 4985

describe('publishing to the live site', { timeout: 600_000 }, () => {
  let dataDir: string
  let distDir: string
  let statusPath: string
  let admin: AdminServer
  let publisher: Publisher
  let site: Server
  let browser: Browser
  const ids: Record<string, number | string> = {}
  const siteUrl = `http://127.0.0.1:${sitePort}`

  /** The text of a public page's h1, read fresh from the server. */
  const heading = async (p: string) => {
    const html = await (await fetch(`${siteUrl}${p}`)).text()
    return html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1]?.replace(/<[^>]+>/g, '').trim()
  }
  // Generous: on two busy CI cores a whole-site publish can take a minute; latency is for the bench.
  const until = async (check: () => Promise<boolean>, ms = 240_000) => {
    const end = Date.now() + ms
    while (!(await check())) {
      if (Date.now() > end) throw new Error('timed out')
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  async function loggedIn(user: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext()
    context.setDefaultTimeout(90_000)
    const page = await context.newPage()
    const res = await page.request.post(`${admin.url}/api/users/login`, { data: user })
    expect(res.ok(), await res.text()).toBe(true)
    return { context, page }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'modersmal-publish-'))
    const contentDir = await copyOfContent()
    distDir = path.join(dataDir, 'dist')
    statusPath = path.join(dataDir, 'publish-status.json')
    const url = `file:${path.join(dataDir, 'cms.db')}`
    const payload = await openCms({ database: { url }, dataDir, secret: 'publish-secret', key: 'publish' })
    await seedContent(payload, contentDir)
    await payload.create({ collection: 'users', overrideAccess: true, data: { ...translator, role: 'translator', translatorLocales: ['ar'] } })
    await payload.create({ collection: 'users', overrideAccess: true, data: { ...editor, role: 'editor' } })
    for (const slug of ['babymassage', 'saebebobler', 'mavetid']) {
      ids[slug] = (await payload.find({ collection: 'activities', where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!.id
    }
    await closeCms(payload)
    await buildSite({ root, contentDir, outDir: distDir })
    site = await serveSite(distDir, sitePort)
    const env = { DATABASE_URL: url, MODERSMAL_DATA_DIR: dataDir, MODERSMAL_CONTENT_DIR: contentDir, MODERSMAL_DIST_DIR: distDir, PAYLOAD_SECRET: 'publish-secret' }
    publisher = await startPublisher({ env, statusFile: statusPath, debounceMs: 300 })
    admin = await startAdmin({ port: 3918, env: { ...env, MODERSMAL_PUBLISH_URL: publisher.url, MODERSMAL_PUBLISH_STATUS: statusPath } })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await admin?.stop()
    await publisher?.stop()
    site?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('a translator publishes Arabic in the admin; the public Arabic page shows it within seconds, Danish and Somali unchanged', async () => {
    const danish = await heading('/da/activities/babymassage/')
    const somali = await heading('/so/activities/babymassage/')
    const context = await browser.newContext()
    // The admin's first pages can be slow while the other test files load the machine.
    context.setDefaultTimeout(90_000)
    const page = await context.newPage()
    await page.goto(`${admin.url}/admin/login`)
    await page.locator('#field-email').fill(translator.email)
    await page.locator('#field-password').fill(translator.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(/\/admin\/?$/)
    await page.goto(`${admin.url}/admin/collections/activities/${ids.babymassage}?locale=ar`)
    const title = page.locator('#field-title')
    await title.waitFor()
    await title.fill('تدليك الطفل: لمسة هادئة')
    await page.getByRole('button', { name: /publish changes/i }).click()
    await page.getByText(/updated successfully|published successfully/i).first().waitFor()
    await until(async () => (await heading('/ar/activities/babymassage/')) === 'تدليك الطفل: لمسة هادئة')
    expect(await heading('/da/activities/babymassage/')).toBe(danish)
    expect(await heading('/so/activities/babymassage/')).toBe(somali)
    // The translator may not touch the Danish source: refused with a message.
    const refused = await page.request.patch(`${admin.url}/api/activities/${ids.babymassage}?locale=da`, { data: { title: 'Ændret af oversætteren' } })
    expect(refused.status()).toBe(403)
    expect(JSON.stringify(await refused.json())).toMatch(/not allowed/i)
    await context.close()
    await publisher.idle()
    expect(await heading('/da/activities/babymassage/')).toBe(danish)
  })

  it('a publish killed mid-build keeps the live site, tells the editors, and the next publish recovers', async () => {
    const before = await heading('/da/activities/saebebobler/')
    const { context, page } = await loggedIn(editor)
    const res = await page.request.patch(`${admin.url}/api/activities/${ids.saebebobler}?locale=da`, { data: { title: 'Sæbebobler i haven', _status: 'published' } })
    expect(res.ok(), await res.text()).toBe(true)
    // Let the publish get well into its work, then kill it.
    await until(async () => publisher.running)
    await new Promise((r) => setTimeout(r, 4000))
    publisher.kill('SIGKILL')
    await publisher.idle()
    expect(readStatus(statusPath)!.lastError?.message).toMatch(/stopped/)
    expect(await heading('/da/activities/saebebobler/')).toBe(before)
    expect((await fetch(`${siteUrl}/da/`)).status).toBe(200)
    // The editors see it in the admin.
    await page.goto(`${admin.url}/admin`)
    await expect(page.locator('.publish-status').getAttribute('data-failed')).resolves.toBe('true')
    await expect(page.locator('.publish-status').textContent()).resolves.toMatch(/The live site is unchanged/)
    // The next publish (any save, here asked directly) recovers.
    publisher.request()
    await publisher.idle()
    expect(await heading('/da/activities/saebebobler/')).toBe('Sæbebobler i haven')
    expect(readStatus(statusPath)!.lastError).toBeUndefined()
    await page.reload()
    await expect(page.locator('.publish-status').getAttribute('data-failed')).resolves.toBe('false')
    await context.close()
  })

  it('a Danish change puts the "translation may be behind" notice on the public Arabic page', async () => {
    const { context, page } = await loggedIn(editor)
    // Not the activity the translator had open: Payload locks a document someone is editing.
    const res = await page.request.patch(`${admin.url}/api/activities/${ids.mavetid}?locale=da`, { data: { purpose: 'At styrke babyens nakke og ryg, og at mødrene ser, hvor meget deres baby kan.', _status: 'published' } })
    expect(res.ok(), await res.text()).toBe(true)
    await until(async () => (await (await fetch(`${siteUrl}/ar/activities/mavetid/`)).text()).includes('data-outdated'))
    const html = await (await fetch(`${siteUrl}/ar/activities/mavetid/`)).text()
    expect(html).toMatch(/data-outdated="purpose"/)
    expect(html).toContain('href="/da/activities/mavetid/"')
    expect(await (await fetch(`${siteUrl}/da/activities/mavetid/`)).text()).not.toContain('data-outdated')
    await context.close()
  })
})
