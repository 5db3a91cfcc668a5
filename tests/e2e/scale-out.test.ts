/**
 * Scaling out, on one machine: two admin servers (production builds, each with its own publisher
 * and its own data folder, as on two machines) against one PostgreSQL and one S3-compatible bucket
 * for uploads, publishing one live site. A session made on one server works on the
 * other (what a load balancer needs); a publish waits while another runs (the lock is in the
 * database, here held by a third party as a publish on another machine would); every admin shows
 * the publish that runs and the one that finished, whichever server ran it; and saves on both
 * servers during a publish end in one build that shows them all; a picture uploaded through one
 * server is published by the other, which has nothing on its own disk; a referral sealed on one
 * is read on the other.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startAdmin, type AdminServer } from '../../cms/admin-server.ts'
import { closeCms, openCms } from '../../cms/boot.ts'
import { startPublisher, type Publisher } from '../../cms/publish/publisher.ts'
import { withPublishLock } from '../../cms/publish/publishLock.ts'
import { readStatus } from '../../cms/publish/status.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { buildSite } from '../../site/build/build-site.ts'
import { serveSite } from '../../site/server/serve.ts'
import { launchChromium } from '../support/browser.ts'
import { createPostgresDatabase } from '../support/cms.ts'
import { copyOfContent } from '../support/content.ts'
import { startLocalS3, type LocalS3 } from '../support/s3.ts'

const root = path.resolve(import.meta.dirname, '../..')
const editor = { email: 'redaktoer@example.org', password: 'en-lang-adgangskode-1' }
const coordinator = { email: 'koordinator@example.org', password: 'en-lang-adgangskode-3' }
const secret = 'scale-out-secret'
const sitePort = 4987

describe('two admin servers, one PostgreSQL, one live site', { timeout: 600_000 }, () => {
  let dataDir: string
  let url: string
  let s3: LocalS3
  let site: Server
  let browser: Browser
  const servers: Array<{ name: string; admin: AdminServer; publisher: Publisher; statusFile: string; log: string[] }> = []
  const ids: Record<string, number | string> = {}
  const siteUrl = `http://127.0.0.1:${sitePort}`

  const heading = async (p: string) =>
    (await (await fetch(`${siteUrl}${p}`)).text())
      .match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1]
      ?.replace(/<[^>]+>/g, '')
      .trim()
  // Generous: on two busy CI cores a whole-site publish can take a minute; latency is for the bench.
  const until = async (check: () => boolean | Promise<boolean>, ms = 240_000) => {
    const end = Date.now() + ms
    while (!(await check())) {
      if (Date.now() > end) throw new Error('timed out')
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  /** A publish on another machine, as far as the lock sees it: held until `release` is called. */
  async function publishElsewhere(): Promise<() => Promise<void>> {
    let release!: () => void
    let taken!: () => void
    const isTaken = new Promise<void>((r) => (taken = r))
    const held = withPublishLock(
      url,
      () =>
        new Promise<void>((r) => {
          release = r
          taken()
        }),
      { timeoutMs: 60_000 },
    )
    await isTaken
    return async () => {
      release()
      await held
    }
  }
  async function signedIn(adminUrl: string, who = editor): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext()
    context.setDefaultTimeout(90_000)
    const page = await context.newPage()
    const res = await page.request.post(`${adminUrl}/api/users/login`, { data: who })
    expect(res.ok(), await res.text()).toBe(true)
    return { context, page }
  }
  async function publishTitle(page: Page, adminUrl: string, slug: string, title: string) {
    const res = await page.request.patch(`${adminUrl}/api/activities/${ids[slug]}?locale=da`, { headers: { origin: new URL(adminUrl).origin }, data: { title, _status: 'published' } })
    expect(res.ok(), await res.text()).toBe(true)
  }
  const idle = (s: (typeof servers)[number]) => !s.publisher.running && s.publisher.status.state === 'idle'

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'modersmal-scale-out-'))
    const contentDir = await copyOfContent()
    const distDir = path.join(dataDir, 'dist')
    url = await createPostgresDatabase(inject('postgresPort'), `scale_out_${process.pid}`)
    s3 = await startLocalS3()
    // The seed stores the pictures in the bucket, as a server started with it would.
    Object.assign(process.env, s3.env)
    const payload = await openCms({ database: { url }, dataDir: path.join(dataDir, 'seed'), secret, key: 'scale-out' })
    await seedContent(payload, contentDir)
    await payload.create({ collection: 'users', overrideAccess: true, data: { ...editor, role: 'editor' } })
    const aarhus = (await payload.find({ collection: 'municipalities', where: { slug: { equals: 'aarhus' } }, overrideAccess: true })).docs[0]!.id
    ids.aarhus = aarhus
    await payload.create({ collection: 'users', overrideAccess: true, data: { ...coordinator, role: 'coordinator', municipality: Number(aarhus) } })
    for (const slug of ['babymassage', 'saebebobler', 'mavetid']) {
      ids[slug] = (await payload.find({ collection: 'activities', where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!.id
    }
    await closeCms(payload)
    await buildSite({ root, contentDir, outDir: distDir })
    site = await serveSite(distDir, sitePort)
    // What every server shares: the database, the bucket, the secret and the personal-data key.
    const shared = {
      DATABASE_URL: url,
      ...s3.env,
      MODERSMAL_CONTENT_DIR: contentDir,
      MODERSMAL_DIST_DIR: distDir,
      PAYLOAD_SECRET: secret,
      MODERSMAL_PERSONAL_DATA_KEYS: randomBytes(32).toString('base64'),
    }
    for (const [name, port] of [
      ['A', 3961],
      ['B', 3962],
    ] as const) {
      const env = { ...shared, MODERSMAL_DATA_DIR: path.join(dataDir, name) }
      const statusFile = path.join(dataDir, name, 'publish-status.json')
      const log: string[] = []
      const publisher = await startPublisher({ env, statusFile, debounceMs: 300, log: (m) => log.push(m) })
      const admin = await startAdmin({ port, env: { ...env, MODERSMAL_PUBLISH_URL: publisher.url, MODERSMAL_PUBLISH_STATUS: statusFile } })
      servers.push({ name, admin, publisher, statusFile, log })
    }
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    for (const s of servers) {
      await s.admin.stop()
      await s.publisher.stop()
    }
    site?.close()
    for (const k of Object.keys(s3?.env ?? {})) delete process.env[k]
    await s3?.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('a publish waits while another server publishes; both admins show it running, then done', async () => {
    const [a, b] = servers as [(typeof servers)[number], (typeof servers)[number]]
    const before = await heading('/da/activities/babymassage/')
    const release = await publishElsewhere()
    // Signed in on A, saved through B: the servers share their sessions.
    const { context, page } = await signedIn(a.admin.url)
    await publishTitle(page, b.admin.url, 'babymassage', 'Babymassage for to')
    await until(() => b.publisher.running)
    // B's publish is waiting for the lock, and A, whose publisher has nothing to do, says a publish runs.
    await page.goto(`${a.admin.url}/admin`)
    await expect(page.locator('.publish-status').getAttribute('data-state')).resolves.toBe('publishing')
    expect(a.publisher.running).toBe(false)
    await new Promise((r) => setTimeout(r, 1000))
    expect(await heading('/da/activities/babymassage/')).toBe(before)
    await release()
    await until(async () => (await heading('/da/activities/babymassage/')) === 'Babymassage for to')
    await until(() => idle(b))
    // A never published, yet shows B's publish: the record is in the database.
    expect(readStatus(a.statusFile)?.lastSuccess).toBeUndefined()
    await page.goto(`${a.admin.url}/admin`)
    await expect(page.locator('.publish-status').getAttribute('data-state')).resolves.toBe('idle')
    await expect(page.locator('.publish-status').textContent()).resolves.toMatch(/Live site updated .* \(\d+ pages\)/)
    await context.close()
  })

  it('saves on both servers while a third publishes end in one build that shows them all', async () => {
    const [a, b] = servers as [(typeof servers)[number], (typeof servers)[number]]
    for (const s of servers) s.log.length = 0
    const release = await publishElsewhere()
    const { context, page } = await signedIn(a.admin.url)
    await publishTitle(page, a.admin.url, 'saebebobler', 'Sæbebobler i haven')
    await publishTitle(page, b.admin.url, 'mavetid', 'Mavetid på tæppet')
    await until(() => a.publisher.running && b.publisher.running)
    await release()
    await until(() => idle(a) && idle(b))
    expect(await heading('/da/activities/saebebobler/')).toBe('Sæbebobler i haven')
    expect(await heading('/da/activities/mavetid/')).toBe('Mavetid på tæppet')
    // The first to get the lock built, and its export read both saves; the other had nothing left to do.
    const lines = [...a.log, ...b.log]
    expect(lines.filter((l) => l.startsWith('Built the live site'))).toHaveLength(1)
    expect(lines.filter((l) => l.startsWith('Nothing to build for the live site'))).toHaveLength(1)
    expect(lines.filter((l) => /failed/.test(l))).toEqual([])
    await context.close()
  })

  it('a picture uploaded through one server is published by the other, which holds no copy of it', async () => {
    const [a, b] = servers as [(typeof servers)[number], (typeof servers)[number]]
    const { context, page } = await signedIn(a.admin.url)
    const picture = readFileSync(path.join(root, 'content/media/files/mor-og-baby.png'))
    const uploaded = await page.request.post(`${a.admin.url}/api/media?locale=da`, {
      headers: { origin: new URL(a.admin.url).origin },
      multipart: { file: { name: 'hoppebold.png', mimeType: 'image/png', buffer: picture }, _payload: JSON.stringify({ slug: 'hoppebold', alt: 'En mor og hendes baby på en hoppebold' }) },
    })
    expect(uploaded.status(), await uploaded.text()).toBe(201)
    const media = ((await uploaded.json()) as { doc: { id: number } }).doc
    expect((await s3.keys('media/')).some((k) => k.endsWith('/hoppebold.png'))).toBe(true)
    // The activity, saved through B, now shows the picture; B's publish copies it from the bucket.
    const res = await page.request.patch(`${b.admin.url}/api/activities/${ids.babymassage}?locale=da`, {
      headers: { origin: new URL(b.admin.url).origin },
      data: { images: [media.id], _status: 'published' },
    })
    expect(res.ok(), await res.text()).toBe(true)
    await until(async () => (await (await fetch(`${siteUrl}/da/activities/babymassage/`)).text()).includes('En mor og hendes baby på en hoppebold'))
    await until(() => idle(a) && idle(b))
    const onDisk = (dir: string) => (existsSync(dir) ? readdirSync(dir) : [])
    for (const s of servers) expect(onDisk(path.join(dataDir, s.name, 'media')), s.name).toEqual([])
    await context.close()
  })

  it('a referral sealed on one server is read on the other: the servers share the personal-data key', async () => {
    const [a, b] = servers as [(typeof servers)[number], (typeof servers)[number]]
    const { context, page } = await signedIn(a.admin.url, coordinator)
    const made = await page.request.post(`${a.admin.url}/api/referrals?depth=0`, {
      headers: { origin: new URL(a.admin.url).origin },
      data: { firstName: 'Selam', phone: '+45 52 61 70 89', language: 'ti', municipality: ids.aarhus, consent: true, source: 'staff' },
    })
    expect(made.status(), await made.text()).toBe(201)
    const { id } = ((await made.json()) as { doc: { id: number } }).doc
    const read = await page.request.get(`${b.admin.url}/api/referrals/${id}?depth=0`, { headers: { origin: new URL(b.admin.url).origin } })
    expect(read.status(), await read.text()).toBe(200)
    expect(await read.json()).toMatchObject({ firstName: 'Selam', phone: '+45 52 61 70 89', language: 'ti' })
    await context.close()
  })
})
