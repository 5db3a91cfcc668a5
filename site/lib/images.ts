/**
 * Responsive images for content/ media: WebP in a few widths (never wider than the original),
 * made with sharp after the Astro build, once per original (kept in a cache); pages only
 * need the URLs and the size.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { mediaFilesDir } from '../../content/load.ts'
import type { Media } from '../../content/schema/index.ts'
import { fileHash, linkOrCopy } from '../../system/files.ts'

export const imageWidths = [320, 640, 960] as const

export interface ResponsiveImage {
  src: string
  srcset: string
  width: number
  height: number
}

const sizeCache = new Map<string, Promise<{ width: number; height: number }>>()

function originalSize(contentDir: string, media: Media) {
  const file = path.join(mediaFilesDir(contentDir), media.file)
  // Once per version of the file: the publish worker lives on while pictures are replaced.
  const { size: bytes, mtimeMs } = statSync(file)
  const key = `${file}\0${bytes}\0${mtimeMs}`
  let size = sizeCache.get(key)
  if (!size) {
    size = sharp(file)
      .metadata()
      .then((m) => ({ width: m.width!, height: m.height! }))
    sizeCache.set(key, size)
  }
  return size
}

const widthsFor = (original: number) => {
  const ws = imageWidths.filter((w) => w < original)
  return ws.length === imageWidths.length ? ws : [...ws, Math.min(original, imageWidths.at(-1)!)]
}
const url = (media: Media, width: number) => `/media/${media.slug}-${width}.webp`

export async function responsiveImage(contentDir: string, media: Media): Promise<ResponsiveImage> {
  const { width, height } = await originalSize(contentDir, media)
  const widths = widthsFor(width)
  const largest = widths.at(-1)!
  return {
    src: url(media, widths[0]!),
    srcset: widths.map((w) => `${url(media, w)} ${w}w`).join(', '),
    width: largest,
    height: Math.round((height / width) * largest),
  }
}

const quality = 75

/** Where variants are kept between builds (gitignored), named by a hash of what made them. */
export const imageCacheDir = (): string => path.resolve(process.env.MODERSMAL_IMAGE_CACHE ?? 'data/images')

/**
 * Writes every variant of every image into the built site. Each is encoded once, for the bytes of
 * its original, its width and the encoder's settings, and linked from the cache after that.
 */
export async function writeImages(contentDir: string, media: Media[], outDir: string): Promise<void> {
  const cache = imageCacheDir()
  await mkdir(path.join(outDir, 'media'), { recursive: true })
  await mkdir(cache, { recursive: true })
  for (const m of media) {
    const original = path.join(mediaFilesDir(contentDir), m.file)
    const source = fileHash(original)
    const { width } = await originalSize(contentDir, m)
    for (const w of widthsFor(width)) {
      const cached = path.join(cache, `${source}-${w}-q${quality}-sharp${sharp.versions.sharp}.webp`)
      const to = path.join(outDir, url(m, w))
      if (!existsSync(cached)) await encode(original, w, cached)
      await linkOrCopy(cached, to).catch(async (e: NodeJS.ErrnoException) => {
        // Pruned by another build a moment ago (pruneImageCache, below): made again.
        if (e.code !== 'ENOENT') throw e
        await encode(original, w, cached)
        await linkOrCopy(cached, to)
      })
    }
  }
  await pruneImageCache(cache)
}

/** Encoded beside its place and renamed into it: a cache entry is whole or absent, never rewritten. */
async function encode(original: string, width: number, cached: string): Promise<void> {
  const tmp = `${cached}.${process.pid}-${randomUUID()}.tmp`
  await sharp(original).resize({ width }).webp({ quality }).toFile(tmp)
  await rename(tmp, cached)
}

const day = 24 * 60 * 60 * 1000

/**
 * The cache would keep every picture ever replaced. An entry goes when no built site links it (a
 * link count of one: the live site and the spare build each hold a link) and none has linked it
 * or let it go for `unusedForMs` (a link made or removed changes the file's ctime); so does what
 * an encode killed mid-way left. Where the cache is on another disk than the sites (copies, not
 * links), an entry is encoded again after that time.
 */
export async function pruneImageCache(cache: string, { unusedForMs = 7 * day, now = Date.now() } = {}): Promise<string[]> {
  const removed: string[] = []
  for (const name of await readdir(cache).catch(() => [] as string[])) {
    const file = path.join(cache, name)
    const st = await stat(file).catch(() => undefined)
    if (!st?.isFile() || now - st.ctimeMs < (name.endsWith('.tmp') ? Math.min(unusedForMs, day) : unusedForMs)) continue
    if (!name.endsWith('.tmp') && st.nlink > 1) continue
    await rm(file, { force: true })
    removed.push(name)
  }
  return removed
}
