import sharp, { type Metadata } from 'sharp'
import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Makes an upload a picture content/ can hold (content/schema: a lower-case name, JPEG or PNG) and
 * that tells nothing about the person in it:
 * - WebP and AVIF become JPEG (PNG when transparent): content/ keeps JPEG and PNG only, and a
 *   WebP left as it was would stop every publish at the export;
 * - EXIF, XMP, IPTC and ICC (GPS position, camera, time: for a mother's photo, personal data) are
 *   stripped, the picture turned upright first; Payload keeps JPEG and PNG originals as they came;
 * - the file name is made lower-case letters, digits and hyphens (IMG_1234.JPG → img-1234.jpg).
 * A clean JPEG or PNG is kept byte for byte, so content/ round-trips and re-uploading is a no-op.
 */
export const normaliseImageUpload: CollectionBeforeOperationHook = async ({ req, operation }) => {
  if (operation !== 'create' && operation !== 'update') return
  const file = req.file as { data?: Buffer; size?: number; mimetype?: string; name?: string } | undefined
  if (!file?.data || !file.mimetype || !['image/jpeg', 'image/png', 'image/webp', 'image/avif'].includes(file.mimetype)) return
  let meta: Metadata
  try {
    meta = await sharp(file.data).metadata()
  } catch {
    return // not a decodable image: Payload's own type check refuses it with its message
  }
  const convert = file.mimetype === 'image/webp' || file.mimetype === 'image/avif'
  const format = convert ? (meta.hasAlpha ? 'png' : 'jpeg') : file.mimetype === 'image/png' ? 'png' : 'jpeg'
  const hasMetadata = Boolean(meta.exif || meta.icc || meta.iptc || meta.xmp || (meta.orientation && meta.orientation !== 1))
  if (convert || hasMetadata) {
    const image = sharp(file.data).rotate()
    const clean = await (format === 'png' ? image.png() : image.jpeg({ quality: convert ? 88 : 92, mozjpeg: true })).toBuffer()
    file.data = clean
    file.size = clean.length
    file.mimetype = `image/${format}`
  }
  if (file.name) file.name = contentFileName(file.name, format)
}

/** content/'s form of a picture's file name. */
export function contentFileName(name: string, format: 'jpeg' | 'png'): string {
  const base = name
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const ext = format === 'png' ? 'png' : /\.jpeg$/i.test(name) ? 'jpeg' : 'jpg'
  return `${base || 'picture'}.${ext}`
}
