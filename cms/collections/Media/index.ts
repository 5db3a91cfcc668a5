import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { contentAccess, isStaff } from '../../access/roles.ts'
import { slugField } from '../../fields/slug.ts'
import { provenanceFields } from '../../fields/provenance.ts'
import { dataDir } from '../../paths.ts'
import { limitFileSize, type UploadLimit } from '../limitFileSize.ts'
import { roomForUpload } from '../roomForUpload.ts'
import { normaliseImageUpload } from './hooks/normaliseImageUpload.ts'

/** Raster images only: SVG and XML can carry scripts, so they are never accepted. */
export const imageMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']
export const maxImageBytes = 10 * 1024 * 1024
const uploadLimit: UploadLimit = { maxFileBytes: maxImageBytes, fileNoun: { da: 'billedet', en: 'the picture' } }

export const Media: CollectionConfig = {
  slug: 'media',
  admin: { useAsTitle: 'slug', defaultColumns: ['filename', 'alt', 'updatedAt', 'translations'], group: 'Content' },
  access: { ...contentAccess, read: isStaff },
  custom: { uploadLimit },
  hooks: { beforeOperation: [limitFileSize, normaliseImageUpload, roomForUpload] },
  upload: {
    staticDir: path.join(dataDir, 'media'),
    mimeTypes: imageMimeTypes,
    // Fetching a URL on the server is an SSRF door; editors upload files.
    pasteURL: false,
    imageSizes: [
      { name: 'thumb', width: 320, formatOptions: { format: 'webp', options: { quality: 75 } } },
      { name: 'card', width: 640, formatOptions: { format: 'webp', options: { quality: 75 } } },
      { name: 'large', width: 1280, formatOptions: { format: 'webp', options: { quality: 78 } } },
    ],
    adminThumbnail: 'thumb',
  },
  fields: [
    slugField(),
    {
      name: 'alt',
      type: 'text',
      localized: true,
      required: true,
      admin: { description: { da: 'Hvad billedet viser, til læsere, der ikke kan se det.', en: 'What the picture shows, for readers who cannot see it.' } },
    },
    { name: 'credit', type: 'text' },
    ...provenanceFields,
  ],
}
