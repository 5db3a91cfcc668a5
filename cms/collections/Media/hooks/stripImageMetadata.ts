import sharp, { type Metadata } from 'sharp'
import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Photos carry EXIF (GPS position, camera, time): for a mother's photo that is personal data.
 * Payload re-encodes WebP originals but stores JPEG, PNG and AVIF as they came, so those would be
 * stored, served and exported to content/ with their metadata. Strip it here from every accepted
 * format (WebP too, not relying on Payload's habit), turning the picture upright first. A file without metadata
 * is kept byte for byte, so content/ round-trips and re-uploading is a no-op.
 */
export const stripImageMetadata: CollectionBeforeOperationHook = async ({ req, operation }) => {
  if (operation !== 'create' && operation !== 'update') return
  const file = req.file as { data?: Buffer; size?: number; mimetype?: string } | undefined
  if (!file?.data || !file.mimetype || !['image/jpeg', 'image/png', 'image/webp', 'image/avif'].includes(file.mimetype)) return
  let meta: Metadata
  try {
    meta = await sharp(file.data).metadata()
  } catch {
    return // not a decodable image: Payload's own type check refuses it with its message
  }
  const hasMetadata = Boolean(meta.exif || meta.icc || meta.iptc || meta.xmp || (meta.orientation && meta.orientation !== 1))
  if (!hasMetadata) return
  const clean = await sharp(file.data).rotate().toBuffer()
  file.data = clean
  file.size = clean.length
}
