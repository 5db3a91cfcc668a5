/**
 * Film videos in the CMS: only real MP4/WebM (by content), a size limit with a clear 413, and
 * byte ranges for seeking. HTTP cases go through Payload's REST handler (what the Next route runs).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { handleEndpoints } from 'payload'
import { maxVideoBytes } from '../../cms/collections/Videos/index.ts'
import { maxImageBytes } from '../../cms/collections/Media/index.ts'
import { createConfig } from '../../cms/config.ts'
import { startTestCms, type TestCms } from '../support/cms.ts'
import { makeVideo } from '../support/video.ts'

const file = (name: string, mimetype: string, data: Buffer) => ({ name, mimetype, data, size: data.length })

describe('video uploads', () => {
  let cms: TestCms
  let mp4: Buffer
  let token: string
  // Small limits so a test file can be over them: videos above the image limit, both tiny.
  const limits = { media: 20_000, videos: 60_000 }

  beforeAll(async () => {
    cms = await startTestCms('sqlite', 'videos', { maxFileBytes: limits })
    mp4 = makeVideo('mp4', 1)
    await cms.payload.create({ collection: 'users', overrideAccess: true, data: { email: 'redaktoer@example.org', password: 'hemmelig-1234', role: 'editor' } as never })
    token = (await cms.payload.login({ collection: 'users', data: { email: 'redaktoer@example.org', password: 'hemmelig-1234' } })).token!
  })
  afterAll(async () => cms?.close())

  const upload = (f: ReturnType<typeof file>) => cms.payload.create({ collection: 'videos', overrideAccess: true, data: {}, file: f })
  const rest = (pathname: string, init: RequestInit = {}) =>
    handleEndpoints({ config: cms.payload.config, payloadInstanceCacheKey: cms.key, request: new Request(`http://localhost${pathname}`, init) })
  const post = async (name: string, type: string, data: Buffer) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(data)], { type }), name)
    form.append('_payload', '{}')
    // Encoded up front: a FormData body is streamed by undici, which errors when the parser stops reading early.
    const encoded = new Response(form)
    const body = new Uint8Array(await encoded.arrayBuffer())
    return rest('/api/videos', { method: 'POST', body, headers: { Authorization: `JWT ${token}`, 'Content-Type': encoded.headers.get('content-type')! } })
  }

  it('accepts an MP4 and stores it unchanged', async () => {
    const doc = await upload(file('film.mp4', 'video/mp4', mp4))
    expect(doc.mimeType).toBe('video/mp4')
    expect((await readFile(path.join(cms.dataDir, 'videos', doc.filename!))).equals(mp4)).toBe(true)
  })

  it('accepts a WebM', async () => {
    const doc = await upload(file('film.webm', 'video/webm', makeVideo('webm', 1)))
    expect(doc.mimeType).toBe('video/webm')
  })

  it('refuses a PNG, saying what it is', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer()
    await expect(upload(file('plakat.png', 'image/png', png))).rejects.toThrow('plakat.png is a PNG file (image/png). Films must be MP4 or WebM videos')
  })

  it("refuses a text file named .mp4 (the name alone would pass Payload's own check)", async () => {
    await expect(upload(file('film.mp4', 'video/mp4', Buffer.from('Dette er ikke en film, bare tekst.\n')))).rejects.toThrow(
      'film.mp4 is not a video (its content matches no known file type; text, perhaps). Films must be MP4 or WebM videos',
    )
  })

  it('says the same over HTTP, as the admin shows it', async () => {
    const res = await post('tekst.mp4', 'video/mp4', Buffer.from('bare tekst'))
    expect(res.status).toBe(415)
    expect(JSON.stringify(await res.json())).toContain('tekst.mp4 is not a video')
  })

  it('refuses a video over the limit over HTTP with 413 and the limit in the message', async () => {
    const big = makeVideo('mp4', 6)
    expect(big.length).toBeGreaterThan(limits.videos)
    const res = await post('lang.mp4', 'video/mp4', big)
    expect(res.status).toBe(413)
    // Videos have the largest limit, so the multipart parser stops it, before the file has a name.
    expect(JSON.stringify(await res.json())).toContain('The file is larger than the limit of 0.1 MB. Make the video smaller and try again.')
  })

  it('refuses a video over the limit through the local API too, naming it', async () => {
    const big = makeVideo('mp4', 6)
    await expect(upload(file('lang.mp4', 'video/mp4', big))).rejects.toThrow(/^lang\.mp4 is 0\.\d MB; the limit is 0\.1 MB\. Make the video smaller and try again\.$/)
  })

  it('takes a video larger than the image limit over HTTP (the parser allows the largest collection limit)', async () => {
    const video = makeVideo('mp4', 2)
    expect(video.length).toBeGreaterThan(limits.media)
    expect(video.length).toBeLessThan(limits.videos)
    const res = await post('mellem.mp4', 'video/mp4', video)
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201)
  })

  it('by default lets the multipart parser take the largest collection limit (videos), not the image limit', async () => {
    const config = await createConfig({ dataDir: cms.dataDir, secret: 'x' })
    expect(config.upload.limits?.fileSize).toBe(Math.max(maxVideoBytes, maxImageBytes))
    // …and the whole request too (Payload's default would stop at 50 MB).
    expect(config.upload.requestSizeLimit).toBeGreaterThan(maxVideoBytes)
  })

  it("serves byte ranges (206) to the staff, so the admin's player can seek; nobody else gets the original", async () => {
    const doc = await upload(file('seek.mp4', 'video/mp4', mp4))
    const signedIn = { Authorization: `JWT ${token}` }
    const res = await rest(`/api/videos/file/${doc.filename}`, { headers: { ...signedIn, Range: 'bytes=100-1099' } })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe(`bytes 100-1099/${mp4.length}`)
    expect(Buffer.from(await res.arrayBuffer()).equals(mp4.subarray(100, 1100))).toBe(true)
    const whole = await rest(`/api/videos/file/${doc.filename}`, { headers: signedIn })
    expect(whole.status).toBe(200)
    expect(Buffer.from(await whole.arrayBuffer()).equals(mp4)).toBe(true)
    // The public site serves its own renditions (site/films/); the original stays in the CMS.
    const anonymous = await rest(`/api/videos/file/${doc.filename}`, { headers: { Range: 'bytes=100-1099' } })
    expect(anonymous.status).toBe(403)
    expect(await anonymous.text()).toMatch(/not allowed/i)
  })

  it('has no paste-from-URL (the server never fetches arbitrary URLs)', () => {
    expect(cms.payload.collections.videos.config.upload.pasteURL).toBe(false)
  })
})
