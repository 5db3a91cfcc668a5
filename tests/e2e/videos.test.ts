/**
 * Film videos through the real admin (Next production build, HTTP): an editor uploads an MP4 and
 * is told plainly why a text file named .mp4 is refused; the stored video answers range requests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ensureAdminBuilt, startAdmin, type AdminServer } from '../../cms/admin-server.ts'
import { closeCms, openCms } from '../../cms/boot.ts'
import { launchChromium } from '../support/browser.ts'
import { makeVideo } from '../support/video.ts'

const editor = { email: 'film-redaktoer@example.org', password: 'en-lang-adgangskode-2' }

describe('video uploads in the admin', () => {
  let dataDir: string
  let server: AdminServer
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page
  const files: Record<string, string> = {}

  beforeAll(async () => {
    ensureAdminBuilt(() => {})
    dataDir = mkdtempSync(path.join(tmpdir(), 'modersmal-e2e-videos-'))
    const url = `file:${path.join(dataDir, 'cms.db')}`
    const payload = await openCms({ database: { url }, dataDir, secret: 'e2e-secret', key: 'e2e-videos' })
    await payload.create({ collection: 'users', overrideAccess: true, data: { ...editor, role: 'editor' } })
    await closeCms(payload)
    files.mp4 = path.join(dataDir, 'velkommen.mp4')
    makeVideo('mp4', 2, files.mp4)
    files.fake = path.join(dataDir, 'falsk.mp4')
    writeFileSync(files.fake, 'Dette er en tekst, ikke en film.\n')
    server = await startAdmin({ port: 3951, env: { DATABASE_URL: url, MODERSMAL_DATA_DIR: dataDir, PAYLOAD_SECRET: 'e2e-secret' } })
    browser = await launchChromium()
    page = await browser.newPage()
    page.setDefaultTimeout(90_000)
    const login = await page.request.post(`${server.url}/api/users/login`, { data: editor })
    expect(login.ok()).toBe(true)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  const upload = async (file: string) => {
    await page.goto(`${server.url}/admin/collections/videos/create`)
    await page.locator('input[type=file]').setInputFiles(file)
    await page.getByRole('button', { name: /^save$/i }).click()
  }

  it('refuses a text file named .mp4, saying what it is', async () => {
    await upload(files.fake!)
    await page.getByText('falsk.mp4 is not a video (its content matches no known file type; text, perhaps). Films must be MP4 or WebM videos', { exact: false }).first().waitFor()
  })

  it('takes an MP4, and serves it in byte ranges over HTTP', async () => {
    await upload(files.mp4!)
    await page.waitForURL(/\/admin\/collections\/videos\/\d+/)
    const id = page.url().match(/videos\/(\d+)/)![1]
    const signedIn = { origin: new URL(server.url).origin }
    const doc = (await (await page.request.get(`${server.url}/api/videos/${id}`, { headers: signedIn })).json()) as { filename: string; mimeType: string; url: string }
    expect(doc.mimeType).toBe('video/mp4')
    // The admin's player seeks with the editor's login…
    const res = await page.request.get(`${server.url}/api/videos/file/${doc.filename}`, { headers: { ...signedIn, Range: 'bytes=0-99' } })
    expect(res.status()).toBe(206)
    expect((await res.body()).length).toBe(100)
    expect(res.headers()['content-range']).toMatch(/^bytes 0-99\/\d+$/)
    // …and without it the original is not served (the site has its own renditions).
    const anonymous = await browser.newContext()
    expect((await anonymous.request.get(`${server.url}/api/videos/file/${doc.filename}`, { headers: { Range: 'bytes=0-99' } })).status()).toBe(403)
    await anonymous.close()
  })
})
