import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { isEditor, isStaff } from '../../access/roles.ts'
import { dataDir } from '../../paths.ts'
import { videoMimeTypes } from '../../../content/schema/vocabulary.ts'
import { limitFileSize, type UploadLimit } from '../limitFileSize.ts'
import { roomForUpload } from '../roomForUpload.ts'
import { checkVideoType } from './hooks/checkVideoType.ts'

/**
 * Kept in memory while uploading (Payload's multipart parser), so not unlimited; a few minutes
 * of 1080p is well under it, and the site makes its own small renditions anyway.
 */
export const maxVideoBytes = 500 * 1024 * 1024
const uploadLimit: UploadLimit = { maxFileBytes: maxVideoBytes, fileNoun: { da: 'videoen', en: 'the video' } }

/** A film's original video (MP4 or WebM). The site serves its own renditions; the original is for staff. */
export const Videos: CollectionConfig = {
  slug: 'videos',
  admin: { useAsTitle: 'filename', defaultColumns: ['filename', 'filesize', 'updatedAt'], group: 'Content' },
  // Only editors upload: a video has no text to translate, and a municipality has no videos of its own.
  access: { read: isStaff, create: isEditor, update: isEditor, delete: isEditor },
  custom: { uploadLimit },
  hooks: { beforeOperation: [limitFileSize, checkVideoType, roomForUpload] },
  upload: {
    staticDir: path.join(dataDir, 'videos'),
    mimeTypes: [...videoMimeTypes],
    // Fetching a URL on the server is an SSRF door; editors upload files.
    pasteURL: false,
  },
  fields: [],
}
