/**
 * The publish loop, whole: the admin (production build), the publisher and the static site, on a
 * private copy of content/ and a seeded SQLite database. A translator publishes Arabic and the
 * public Arabic page changes within seconds; a publish killed mid-build keeps the old site live and
 * tells the editors; the next publish recovers; a Danish change puts the notice on the Arabic page;
 * an editor previews a draft that nobody else can see.
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
import { startPreviewer, type Previewer } from '../../cms/preview/previewer.ts'
import { readStatus } from '../../cms/publish/status.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { buildSite } from '../../site/build/build-site.ts'
import { serveSite } from '../../site/server/serve.ts'
import { launchChromium } from '../support/browser.ts'
import { axeViolations } from '../support/site-in-browser.ts'
import { copyOfContent } from '../support/content.ts'

const root = path.resolve(import.meta.dirname, '../..')
const translator = { email: 'oversaetter@example.org', password: 'en-lang-adgangskode-2' }
const editor = { email: 'redaktoer@example.org', password: 'en-lang-adgangskode-1' }
const sitePort = 4985
const previewPort = 4986

describe('publishing to the live site', { timeout: 600_000 }, () => {
  let dataDir: string
  let distDir: string
  let statusPath: string
  let admin: AdminServer
  let publisher: Publisher
  let preview: Previewer
  let site: Server
  let browser: Browser
  const ids: Record<string, number | string> = {}
  const siteUrl = `http://127.0.0.1:${sitePort}`

  /** The text of a public page's h1, read fresh from the server. */
  const heading = async (p: string) => {
    const html = await (await fetch(`${siteUrl}${p}`)).text()
    return html
      .match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1]
      ?.replace(/<[^>]+>/g, '')
      .trim()
  }
  // Generous: on two busy CI cores a whole-site publish can take a minute; latency is for the bench.
  const until = async (check: () => Promise<boolean>, ms = 240_000) => {
    const end = Date.now() + ms
    while (!(await check())) {
      if (Date.now() > end) throw new Error('timed out')
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  /** What a browser sends with a request from the admin's own page: the admin takes its login cookie from nowhere else. */
  const fromAdmin = (url = admin.url) => ({ origin: new URL(url).origin })
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
    // Its log says why a publish failed, should one.
    publisher = await startPublisher({ env, statusFile: statusPath, debounceMs: 300, log: (m) => console.log(`publisher: ${m}`) })
    // localhost, as the admin below: the browser sends the admin's login cookie to every port of a host.
    preview = await startPreviewer({ port: previewPort, adminUrl: 'http://127.0.0.1:3918', env, dir: path.join(dataDir, 'preview'), log: (m) => console.log(`preview: ${m}`) })
    admin = await startAdmin({
      port: 3918,
      env: { ...env, MODERSMAL_PUBLISH_URL: publisher.url, MODERSMAL_PUBLISH_STATUS: statusPath, MODERSMAL_PREVIEW_URL: `http://localhost:${previewPort}`, MODERSMAL_PREVIEW_PING: preview.pingUrl },
    })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await admin?.stop()
    await publisher?.stop()
    await preview?.stop()
    site?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('a translator publishes Arabic in the admin; the public Arabic page shows it within seconds, Danish and Somali unchanged', async () => {
    const danish = await heading('/da/activities/babymassage/')
    const somali = await heading('/so/activities/babymassage/')
    // An unfinished Somali draft of the same activity, which her publish must not publish.
    const somaliDraft = await loggedIn(editor)
    const saved = await somaliDraft.page.request.patch(`${admin.url}/api/activities/${ids.babymassage}?locale=so&draft=true`, {
      headers: fromAdmin(),
      data: { title: 'Duugista ilmaha (qabyo)', _status: 'draft' },
    })
    expect(saved.ok(), await saved.text()).toBe(true)
    await somaliDraft.context.close()
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
    await page.getByRole('button', { name: /^publish in/i }).click()
    await page
      .getByText(/updated successfully|published successfully/i)
      .first()
      .waitFor()
    await until(async () => (await heading('/ar/activities/babymassage/')) === 'تدليك الطفل: لمسة هادئة')
    expect(await heading('/da/activities/babymassage/')).toBe(danish)
    expect(await heading('/so/activities/babymassage/')).toBe(somali)
    // The translator may not touch the Danish source: refused with a message.
    const refused = await page.request.patch(`${admin.url}/api/activities/${ids.babymassage}?locale=da`, { headers: fromAdmin(), data: { title: 'Ændret af oversætteren' } })
    expect(refused.status()).toBe(403)
    expect(JSON.stringify(await refused.json())).toMatch(/The Danish text is the source every language is translated from; editors write it\. You translate into/)
    // Nor publish every language at once (it would publish the Somali draft).
    const everything = await page.request.patch(`${admin.url}/api/activities/${ids.babymassage}?locale=ar&publishAllLocales=true`, { headers: fromAdmin(), data: { _status: 'published' } })
    expect(everything.status()).toBe(403)
    expect(JSON.stringify(await everything.json())).toMatch(/publishes her own language only/)
    // A mistyped language is refused with its reason by the production admin too (it used to
    // write into Danish, and a minified build hid the message).
    const typo = await page.request.patch(`${admin.url}/api/activities/${ids.babymassage}?locale=xx`, { headers: fromAdmin(), data: { title: 'Skrevet i Danish?' } })
    expect(typo.status()).toBe(400)
    expect(JSON.stringify(await typo.json())).toContain('Unknown language \\"xx\\" in locale')
    await context.close()
    await publisher.idle()
    expect(await heading('/da/activities/babymassage/')).toBe(danish)
    expect(await heading('/so/activities/babymassage/')).toBe(somali)
  })

  it('a publish killed mid-build keeps the live site, tells the editors, and the next publish recovers', async () => {
    const before = await heading('/da/activities/saebebobler/')
    const { context, page } = await loggedIn(editor)
    const res = await page.request.patch(`${admin.url}/api/activities/${ids.saebebobler}?locale=da`, { headers: fromAdmin(), data: { title: 'Sæbebobler i haven', _status: 'published' } })
    expect(res.ok(), await res.text()).toBe(true)
    // Killed as soon as it runs: a warm publish of the demo can be live in 4 s, so a fixed wait
    // could find it done; the swap comes only after the export and the build, seconds later.
    while (!publisher.running) await new Promise((r) => setTimeout(r, 10))
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
    const res = await page.request.patch(`${admin.url}/api/activities/${ids.mavetid}?locale=da`, {
      headers: fromAdmin(),
      data: { purpose: 'At styrke babyens nakke og ryg, og at mødrene ser, hvor meget deres baby kan.', _status: 'published' },
    })
    expect(res.ok(), await res.text()).toBe(true)
    await until(async () => (await (await fetch(`${siteUrl}/ar/activities/mavetid/`)).text()).includes('data-outdated'))
    const html = await (await fetch(`${siteUrl}/ar/activities/mavetid/`)).text()
    expect(html).toMatch(/data-outdated="purpose"/)
    expect(html).toContain('href="/da/activities/mavetid/"')
    expect(await (await fetch(`${siteUrl}/da/activities/mavetid/`)).text()).not.toContain('data-outdated')
    await context.close()
  })

  it('an editor previews a draft as it will look; signed out it is refused, and the live site does not change', async () => {
    // Signed in at localhost, the preview's host: browsers send a host's cookies to all its ports.
    const adminAtLocalhost = admin.url.replace('127.0.0.1', 'localhost')
    const context = await browser.newContext()
    context.setDefaultTimeout(90_000)
    const page = await context.newPage()
    expect((await page.request.post(`${adminAtLocalhost}/api/users/login`, { data: editor })).ok()).toBe(true)
    // Not an activity opened in the admin above: Payload locks a document someone is editing.
    const live = await heading('/da/activities/saebebobler/')
    const draftTitle = 'Sæbebobler (kladde til forhåndsvisning)'
    const res = await page.request.patch(`${adminAtLocalhost}/api/activities/${ids.saebebobler}?locale=da&draft=true`, {
      headers: fromAdmin(adminAtLocalhost),
      data: { title: draftTitle, _status: 'draft' },
    })
    expect(res.ok(), await res.text()).toBe(true)
    // Someone else's half-written draft (min above max): shown as published, and named in the banner.
    const broken = await page.request.patch(`${adminAtLocalhost}/api/activities/${ids.mavetid}?locale=da&draft=true`, {
      headers: fromAdmin(adminAtLocalhost),
      data: { babyAgeMonths: { min: 12, max: 3 }, _status: 'draft' },
    })
    expect(broken.ok(), await broken.text()).toBe(true)
    // The admin's Preview button leads to the page in the preview.
    await page.goto(`${adminAtLocalhost}/admin/collections/activities/${ids.saebebobler}`)
    const href = await page.locator('#preview-button').getAttribute('href')
    expect(href).toBe(`http://localhost:${previewPort}/da/activities/saebebobler/`)
    // First "preparing" (the page reloads itself), then the draft as the site will show it. The
    // waiting page is a tab of its own, so its reloads cannot race the navigation below; the wait
    // asks with the same cookies without navigating. A failed preview build ends the wait with the
    // preview's own message, so the cause is in the output.
    const shows = (title: string) =>
      until(async () => {
        const res = await page.request.get(href!)
        const html = await res.text()
        const h1 = html
          .match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1]
          ?.replace(/<[^>]+>/g, '')
          .trim()
        if (h1 === 'The draft cannot be previewed') throw new Error(`The preview build failed:\n${html.match(/<pre>([\s\S]*?)<\/pre>/)?.[1]}`)
        if (res.status() === 200 && h1 === title) return true
        await new Promise((r) => setTimeout(r, 2000))
        return false
      })
    const waiting = await context.newPage()
    await waiting.goto(href!)
    await shows(draftTitle)
    await waiting.close()
    await page.goto(href!)
    expect(await page.locator('h1').first().textContent()).toBe(draftTitle)
    expect(await page.locator('.preview-banner').count()).toBe(1)
    expect(await page.locator('.preview-banner summary').textContent()).toBe('One draft is shown as published: it cannot be shown yet')
    expect(await page.locator('.preview-banner li').textContent()).toBe(
      'activities/mavetid: the latest draft cannot be previewed (babyAgeMonths: min must not exceed max (months)); the preview shows the published version',
    )
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex')
    expect(await axeViolations(page)).toEqual([])
    // Signed out: refused, the draft nowhere in the answer.
    const anonymous = await fetch(`http://localhost:${previewPort}/da/activities/saebebobler/`)
    expect(anonymous.status).toBe(401)
    const refusal = await anonymous.text()
    expect(refusal).not.toContain(draftTitle)
    // Nobody but the admin may set it rebuilding, nor the publisher publishing.
    expect((await fetch(`http://localhost:${previewPort}/__preview/changed`, { method: 'POST' })).status).toBe(401)
    expect((await fetch(publisher.url.replace(/\/publish\/.*/, '/publish'), { method: 'POST' })).status).toBe(404)
    // Its sign-in link stays on the preview's host name, where the cookie will then be sent.
    expect(refusal).toContain(`href="http://localhost:3918/admin/login"`)
    // The half-written draft mended, then one more save: the next previews show each (the second
    // written from the changes alone, cms/sync/exportChanges.ts), the banner gone with the fault.
    const save = async (id: number | string, data: Record<string, unknown>) => {
      const res = await page.request.patch(`${adminAtLocalhost}/api/activities/${id}?locale=da&draft=true`, { headers: fromAdmin(adminAtLocalhost), data: { ...data, _status: 'draft' } })
      expect(res.ok(), await res.text()).toBe(true)
    }
    await save(ids.mavetid!, { babyAgeMonths: { min: 0, max: 6 } })
    await save(ids.saebebobler!, { title: `${draftTitle} 2` })
    await shows(`${draftTitle} 2`)
    await page.goto(href!)
    expect(await page.locator('.preview-banner').count()).toBe(1)
    expect(await page.locator('.preview-banner li').count()).toBe(0)
    await save(ids.saebebobler!, { title: `${draftTitle} 3` })
    await shows(`${draftTitle} 3`)
    // The public site never saw the drafts.
    await publisher.idle()
    expect(await heading('/da/activities/saebebobler/')).toBe(live)
    await context.close()
  })

  it("a page on another port of the host cannot use an editor's login; the admin's own page can", async () => {
    const adminAtLocalhost = admin.url.replace('127.0.0.1', 'localhost')
    // Without the site's Content-Security-Policy: a page in the preview, or a script that got past
    // it, must still be refused by the admin itself.
    const context = await browser.newContext({ bypassCSP: true })
    context.setDefaultTimeout(90_000)
    const page = await context.newPage()
    expect((await page.request.post(`${adminAtLocalhost}/api/users/login`, { data: editor })).ok()).toBe(true)
    // A plain form post (no CORS preflight), as a link in a guide could send it.
    const post = (slug: string) =>
      page.evaluate(
        async ({ url, slug }) => {
          const body = new FormData()
          body.set('_payload', JSON.stringify({ slug, name: 'Probe', organisation: 'Probe', description: 'Probe', targetGroup: 'Probe', _status: 'published' }))
          await fetch(url, { method: 'POST', body, mode: 'no-cors', credentials: 'include' })
        },
        { url: `${adminAtLocalhost}/api/programmes?locale=da`, slug },
      )
    const exists = async (slug: string) => {
      const res = await page.request.get(`${adminAtLocalhost}/api/programmes?where[slug][equals]=${slug}&draft=true&depth=0`, { headers: fromAdmin(adminAtLocalhost) })
      expect(res.ok(), await res.text()).toBe(true)
      return ((await res.json()) as { totalDocs: number }).totalDocs === 1
    }
    await page.goto(`http://localhost:${sitePort}/da/`)
    await post('probe-from-the-site')
    await page.goto(`${adminAtLocalhost}/admin`)
    await post('probe-from-the-admin')
    expect(await exists('probe-from-the-admin')).toBe(true)
    expect(await exists('probe-from-the-site')).toBe(false)
    // Its login cookie goes to no other site at all.
    const cookie = (await context.cookies(adminAtLocalhost)).find((c) => c.name === 'payload-token')
    expect(cookie).toMatchObject({ sameSite: 'Strict', httpOnly: true })
    await context.close()
  })
})
