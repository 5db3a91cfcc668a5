/**
 * A full disk and a read-only folder, on real small disks (tmpfs): what was there stays whole and
 * served, the person is told in words what happened and that nothing was saved, nothing is half
 * written (a picture without its file, a build cut off in the served folder: the room it took is
 * free again for the next publish), and once there is space the next upload goes through.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startPublisher } from '../../cms/publish/publisher.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { currentBuild } from '../../site/build/swap.ts'
import { createStaff, databases, startTestCms, type TestCms } from '../support/cms.ts'
import { copyOfContent, repoContent } from '../support/content.ts'
import { startHttpAdmin, type Client, type HttpAdmin } from '../support/http-admin.ts'
import { serveLiveSite, type LiveSite } from '../support/live-site.ts'
import { smallDisk, type SmallDisk } from '../support/small-disk.ts'

const bytesOf = (dir: string) => Number(execFileSync('du', ['-sb', '--dereference-args', dir], { encoding: 'utf8' }).split('\t')[0])

describe.each(databases)('uploads onto a full or read-only disk, on %s', (kind) => {
  let admin: HttpAdmin
  let editor: Client
  let disk: SmallDisk
  /** A picture of about 300 KB: noise does not compress. */
  const picture = () =>
    sharp(randomBytes(320 * 320 * 3), { raw: { width: 320, height: 320, channels: 3 } })
      .png()
      .toBuffer()
  const upload = async (slug: string) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await picture())], { type: 'image/png' }), `${slug}.png`)
    form.append('_payload', JSON.stringify({ slug, alt: 'Et billede' }))
    return editor.request('POST', '/api/media?locale=da', { form })
  }
  const pictures = async () => (await editor.request('GET', '/api/media?limit=100&depth=0')).json<{ docs: Array<{ slug: string }> }>().docs.map((d) => d.slug)

  beforeAll(async () => {
    admin = await startHttpAdmin(kind, 'disk_uploads', async (payload) => {
      await createStaff(payload, 'editor')
    })
    editor = await admin.signIn('editor@example.org', 'test-password-1')
    // The upload folder on a disk too small for one more picture.
    disk = await smallDisk(path.join(admin.dataDir, 'media'), 64 * 1024)
  })
  afterAll(async () => {
    disk?.unmount()
    await admin?.stop()
  })

  it('refuses a picture when the disk is full, saying so, and keeps no document without its file', async () => {
    const a = await upload('fuld-disk')
    expect(a.status, a.text).toBe(507)
    expect(a.said).toMatch(/The server's disk is full.*Nothing was saved/)
    expect(await pictures()).toEqual([])
    expect(await readdir(disk.dir)).toEqual([])
  })

  it('refuses a picture when the upload folder is read-only, saying so', async () => {
    disk.remount({ bytes: 16 * 1024 * 1024, readOnly: true })
    const a = await upload('skrivebeskyttet')
    expect(a.status, a.text).toBe(503)
    expect(a.said).toMatch(/The server cannot write to its data folder, which is read-only.*Nothing was saved/)
    expect(await pictures()).toEqual([])
  })

  it('stores the picture once there is room again', async () => {
    disk.remount({ readOnly: false })
    const a = await upload('plads-igen')
    expect(a.status, a.text).toBe(201)
    expect(await pictures()).toEqual(['plads-igen'])
    const files = await readdir(disk.dir)
    expect(files.length).toBeGreaterThan(0)
    expect(files.filter((f) => !f.startsWith('plads-igen'))).toEqual([])
  })
})

// The build reads content/, never the database: one database is enough here.
describe('a publish onto a full disk', () => {
  let cms: TestCms
  let content: string
  let work: string
  let disk: SmallDisk
  let live: LiveSite
  const page = (p: string) => live.page(p)

  beforeAll(async () => {
    cms = await startTestCms('sqlite', 'disk_publish')
    await seedContent(cms.payload, repoContent)
    content = await copyOfContent()
    work = await mkdtemp(path.join(tmpdir(), 'modersmal-disk-'))
    // Room for the live site and a third of another.
    const siteBytes = bytesOf(inject('siteDir'))
    disk = await smallDisk(path.join(work, 'disk'), Math.ceil(siteBytes * 1.35))
    live = await serveLiveSite(disk.dir)
  })
  afterAll(async () => {
    await live?.close()
    disk?.unmount()
    await cms?.close()
    for (const dir of [content, work]) if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('keeps the live site, tells the editors the disk is full, and frees what it copied', async () => {
    const id = (await cms.payload.find({ collection: 'activities', where: { slug: { equals: 'babymassage' } }, overrideAccess: true })).docs[0]!.id
    await cms.payload.update({ collection: 'activities', id, locale: 'da', data: { title: 'Babymassage på en fuld disk', _status: 'published' }, overrideAccess: true })
    const dist = path.join(disk.dir, 'dist')
    const served = await currentBuild(dist)
    const before = await page('/da/activities/babymassage/')
    const freeBefore = disk.free()
    const publisher = await startPublisher({
      env: { DATABASE_URL: cms.url, MODERSMAL_DATA_DIR: cms.dataDir, MODERSMAL_CONTENT_DIR: content, MODERSMAL_DIST_DIR: dist },
      statusFile: path.join(work, 'status.json'),
      debounceMs: 0,
    })
    try {
      publisher.request()
      await publisher.idle()
      // Where the room ran out (the new build's copy, or the build's cache beside the site) matters less than what she reads.
      expect(publisher.status.lastError?.message).toMatch(/The server's disk is full \(ENOSPC( at .*)?\)\. The live site is unchanged; make room on it, then publish again\./)
      expect(await currentBuild(dist)).toBe(served)
      expect(await page('/da/activities/babymassage/')).toBe(before)
      // The cut-off copy is gone: the disk has the room it had.
      expect(disk.free()).toBe(freeBefore)
    } finally {
      await publisher.stop()
    }
  })
})
