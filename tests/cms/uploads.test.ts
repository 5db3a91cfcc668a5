import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { maxImageBytes } from '../../cms/collections/Media/index.ts'
import { startTestCms, type TestCms } from '../support/cms.ts'

const file = (name: string, mimetype: string, data: Buffer) => ({ name, mimetype, data, size: data.length })

describe('image uploads', () => {
  let cms: TestCms
  let png: Buffer
  beforeAll(async () => {
    cms = await startTestCms('sqlite', 'uploads')
    png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#7fb3a0' } })
      .png()
      .toBuffer()
  })
  afterAll(async () => cms?.close())

  const upload = (f: ReturnType<typeof file>, slug: string) => cms.payload.create({ collection: 'media', locale: 'da', overrideAccess: true, data: { slug, alt: 'Et billede' }, file: f })

  it('accepts a PNG and makes the responsive sizes with sharp', async () => {
    const doc = await upload(file('grøn-flade.png', 'image/png', png), 'groen-flade')
    expect(doc.mimeType).toBe('image/png')
    const sizes = doc.sizes as Record<string, { width: number; mimeType: string }>
    expect(sizes.thumb).toMatchObject({ width: 320, mimeType: 'image/webp' })
    expect(sizes.large).toMatchObject({ width: 1280, mimeType: 'image/webp' })
  })

  it('strips EXIF (e.g. who took a photo, where) from a JPEG and turns it upright', async () => {
    const photo = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#c98b62' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Navn Efternavn', ImageDescription: 'Hjemme hos familien' } })
      .withMetadata({ orientation: 6 })
      .toBuffer()
    expect((await sharp(photo).metadata()).exif).toBeDefined()
    const doc = await upload(file('foto.jpg', 'image/jpeg', photo), 'foto')
    const stored = await readFile(path.join(cms.dataDir, 'media', doc.filename!))
    const meta = await sharp(stored).metadata()
    expect(meta.exif).toBeUndefined()
    expect(stored.includes(Buffer.from('Navn Efternavn'))).toBe(false)
    // Orientation 6 = rotated 90°: stored upright, so width and height swap.
    expect([meta.width, meta.height]).toEqual([200, 400])
  })

  it.each([
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
  ] as const)('takes a %s picture as a JPEG content/ can hold, without its EXIF', async (format, mimetype) => {
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#8ba3c9' } })
      [format]()
      .withExif({ IFD0: { Artist: 'Navn Efternavn', ImageDescription: 'Hjemme hos familien' } })
      .toBuffer()
    expect((await sharp(photo).metadata()).exif).toBeDefined()
    const doc = await upload(file(`Foto fra Århus ${format.toUpperCase()}.${format}`, mimetype, photo), `foto-${format}`)
    expect(doc.filename).toBe(`foto-fra-arhus-${format}.jpg`)
    expect(doc.mimeType).toBe('image/jpeg')
    const stored = await readFile(path.join(cms.dataDir, 'media', doc.filename!))
    const meta = await sharp(stored).metadata()
    expect(meta.format).toBe('jpeg')
    expect(meta.exif).toBeUndefined()
    expect(stored.includes(Buffer.from('Navn Efternavn'))).toBe(false)
  })

  it('names an upload as content/ names a file: IMG_1234.JPG is stored as img-1234.jpg', async () => {
    const photo = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#123456' } })
      .jpeg()
      .toBuffer()
    const doc = await upload(file('IMG_1234.JPG', 'image/jpeg', photo), 'img-1234')
    expect(doc.filename).toBe('img-1234.jpg')
  })

  it('keeps a PNG without metadata byte for byte (so content/ round-trips)', async () => {
    const doc = await upload(file('ren.png', 'image/png', png), 'ren')
    const stored = await readFile(path.join(cms.dataDir, 'media', doc.filename!))
    expect(stored.equals(png)).toBe(true)
  })

  it('refuses SVG, which can carry scripts', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    await expect(upload(file('x.svg', 'image/svg+xml', svg), 'svg')).rejects.toThrow(/file type|not allowed|invalid/i)
  })

  it('refuses XML, and a text file named like a picture (checked by content, not name)', async () => {
    await expect(upload(file('x.xml', 'application/xml', Buffer.from('<?xml version="1.0"?><a/>')), 'xml')).rejects.toThrow()
    await expect(upload(file('fake.png', 'image/png', Buffer.from('hello, I am not a picture')), 'fake')).rejects.toThrow()
  })

  it('refuses a file over the size limit', async () => {
    const big = Buffer.concat([png, Buffer.alloc(maxImageBytes + 1)])
    await expect(upload(file('big.png', 'image/png', big), 'big')).rejects.toThrow(/the limit is 10\.0 MB/)
  })

  it('has no paste-from-URL (the server never fetches arbitrary URLs)', () => {
    expect(cms.payload.collections.media.config.upload.pasteURL).toBe(false)
  })
})
