/**
 * Responsive images for content/ media: WebP in a few widths (never wider than the original),
 * made with sharp after the Astro build; pages only need the URLs and the size.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { mediaFilesDir } from '../../content/load.ts'
import type { Media } from '../../content/schema/index.ts'

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
  let size = sizeCache.get(file)
  if (!size) {
    size = sharp(file)
      .metadata()
      .then((m) => ({ width: m.width!, height: m.height! }))
    sizeCache.set(file, size)
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

/** Writes every variant of every image into the built site. */
export async function writeImages(contentDir: string, media: Media[], outDir: string): Promise<void> {
  await mkdir(path.join(outDir, 'media'), { recursive: true })
  for (const m of media) {
    const { width } = await originalSize(contentDir, m)
    for (const w of widthsFor(width)) {
      await sharp(path.join(mediaFilesDir(contentDir), m.file))
        .resize({ width: w })
        .webp({ quality: 75 })
        .toFile(path.join(outDir, url(m, w)))
    }
  }
}
