/**
 * Uploads on S3-compatible storage (cms/storage.ts, Payload's S3 adapter), against a real S3 server
 * on loopback: what several admin servers need, since each must read what another stored. The
 * seed's pictures and their sizes go to the bucket and nothing to the server's folder; the export
 * reads them back byte for byte; a picture uploaded over HTTP is there for staff only; a deleted
 * one leaves no object behind; a film original comes back unchanged; a backup names the bucket.
 */
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { handleEndpoints } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentKinds } from '../../content/collections.ts'
import { copyUpload, storedInBucket } from '../../cms/storage.ts'
import { backup } from '../../cms/backup/backup.ts'
import { databaseFile } from '../../cms/backup/archive.ts'
import { exportContent } from '../../cms/sync/export.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { databases, startTestCms, type TestCms } from '../support/cms.ts'
import { readTree, repoContent } from '../support/content.ts'
import { startLocalS3, type LocalS3 } from '../support/s3.ts'
import { makeVideo } from '../support/video.ts'

const filesIn = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).sort()

describe.each(databases)('uploads in an S3 bucket, on %s', (kind) => {
  let s3: LocalS3
  let cms: TestCms
  let scratch: string
  let token: string
  const saved: Record<string, string | undefined> = {}

  beforeAll(async () => {
    s3 = await startLocalS3()
    // The config reads the bucket from the environment, as a server started with it would.
    for (const [k, v] of Object.entries(s3.env)) {
      saved[k] = process.env[k]
      process.env[k] = v
    }
    cms = await startTestCms(kind, 's3')
    scratch = await mkdtemp(path.join(tmpdir(), 'modersmal-s3-export-'))
    await cms.payload.create({ collection: 'users', overrideAccess: true, data: { email: 'redaktoer@example.org', password: 'hemmelig-1234', role: 'editor' } as never })
    token = (await cms.payload.login({ collection: 'users', data: { email: 'redaktoer@example.org', password: 'hemmelig-1234' } })).token!
  })
  afterAll(async () => {
    await cms?.close()
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
    await s3?.stop()
    if (scratch) await rm(scratch, { recursive: true, force: true })
  })

  const rest = (pathname: string, init: RequestInit = {}) =>
    handleEndpoints({ config: cms.payload.config, payloadInstanceCacheKey: cms.key, request: new Request(`http://localhost${pathname}`, init) })

  it('the seed puts every picture and its sizes in the bucket, none on the server; the export reads them back byte for byte', async () => {
    expect(storedInBucket(cms.payload, 'media')).toBe(true)
    await seedContent(cms.payload, repoContent)
    const keys = await s3.keys('media/')
    const { docs } = await cms.payload.find({ collection: 'media', depth: 0, pagination: false, overrideAccess: true })
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) {
      // Sizes wider than the picture are not made (their filename is empty).
      const names = [doc.filename!, ...Object.values(doc.sizes ?? {}).flatMap((s) => (s as { filename?: string | null }).filename ?? [])]
      expect(names.length).toBeGreaterThanOrEqual(3)
      for (const name of names)
        expect(
          keys.some((k) => k.endsWith(`/${name}`)),
          name,
        ).toBe(true)
    }
    expect(await filesIn(path.join(cms.dataDir, 'media'))).toEqual([])
    const out = path.join(scratch, 'content')
    const result = await exportContent(cms.payload, out)
    expect(result.warnings).toEqual([])
    const expected = await readTree(repoContent, [...contentKinds])
    const actual = await readTree(out, [...contentKinds])
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [file, bytes] of expected) expect(actual.get(file)!.equals(bytes), file).toBe(true)
  })

  it('a picture uploaded over HTTP is stored in the bucket and downloaded by staff only', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'groen-flade.png')
    form.append('_payload', JSON.stringify({ slug: 'groen-flade', alt: 'En grøn flade' }))
    const encoded = new Response(form)
    const body = new Uint8Array(await encoded.arrayBuffer())
    const res = await rest('/api/media?locale=da', { method: 'POST', body, headers: { Authorization: `JWT ${token}`, 'Content-Type': encoded.headers.get('content-type')! } })
    expect(res.status, await res.clone().text()).toBe(201)
    const { doc } = (await res.json()) as { doc: { filename: string } }
    expect((await s3.keys('media/')).some((k) => k.endsWith(`/${doc.filename}`))).toBe(true)
    expect(await filesIn(path.join(cms.dataDir, 'media'))).toEqual([])
    const asStaff = await rest(`/api/media/file/${doc.filename}`, { headers: { Authorization: `JWT ${token}` } })
    expect(asStaff.status).toBe(200)
    expect(Buffer.from(await asStaff.arrayBuffer()).equals(png)).toBe(true)
    const asPublic = await rest(`/api/media/file/${doc.filename}`)
    expect(asPublic.status).toBe(403)
  })

  it('a deleted picture leaves no object behind, its sizes included', async () => {
    const { docs } = await cms.payload.find({ collection: 'media', where: { slug: { equals: 'groen-flade' } }, overrideAccess: true })
    const doc = docs[0]!
    const names = [doc.filename!, ...Object.values(doc.sizes ?? {}).flatMap((s) => (s as { filename?: string | null }).filename ?? [])]
    // The original and the one size narrower than it (320 px).
    expect(names.length).toBe(2)
    await cms.payload.delete({ collection: 'media', id: doc.id, overrideAccess: true })
    const keys = await s3.keys('media/')
    for (const name of names)
      expect(
        keys.some((k) => k.endsWith(`/${name}`)),
        name,
      ).toBe(false)
  })

  it("a film's original goes to the bucket and comes back unchanged", async () => {
    const mp4 = makeVideo('mp4', 1)
    const video = await cms.payload.create({ collection: 'videos', overrideAccess: true, data: {}, file: { name: 'film.mp4', mimetype: 'video/mp4', size: mp4.length, data: mp4 } })
    expect((await s3.keys('videos/')).some((k) => k.endsWith(`/${video.filename}`))).toBe(true)
    expect(await filesIn(path.join(cms.dataDir, 'videos'))).toEqual([])
    const back = path.join(scratch, 'film.mp4')
    await copyUpload(cms.payload, 'videos', video as never, back)
    expect((await readFile(back)).equals(mp4)).toBe(true)
  })

  it('a backup names the bucket instead of copying it, and holds the database', async () => {
    const out = path.join(scratch, 'backup.tar.gz')
    const { manifest } = await backup({ databaseUrl: cms.url, dataDir: cms.dataDir, out })
    expect(manifest.uploadsInBucket).toBe(s3.env.S3_BUCKET)
    expect(Object.keys(manifest.files).filter((f) => f.startsWith('uploads/'))).toEqual([])
    expect(Object.keys(manifest.files)).toContain(databaseFile[kind])
  })
})
