import { fileTypeFromBuffer, fileTypeFromFile, type FileTypeResult } from 'file-type'
import type { CollectionBeforeOperationHook } from 'payload'
import { Refused } from '../../../errors.ts'
import { videoMimeTypes } from '../../../../content/schema/vocabulary.ts'

/**
 * Payload's own type check falls back to the file name when file-type recognises nothing, so a
 * text file named film.mp4 would be stored as a video. Here the content alone decides.
 */
export const checkVideoType: CollectionBeforeOperationHook = async ({ req, operation }) => {
  if (operation !== 'create' && operation !== 'update') return
  const file = req.file as { data?: Buffer; name?: string; tempFilePath?: string } | undefined
  if (!file) return
  let detected: FileTypeResult | undefined
  try {
    detected = file.data && file.data.length > 0 ? await fileTypeFromBuffer(file.data) : file.tempFilePath ? await fileTypeFromFile(file.tempFilePath) : undefined
  } catch {
    detected = undefined
  }
  if (detected && (videoMimeTypes as readonly string[]).includes(detected.mime)) return
  const what = detected ? `a ${detected.ext.toUpperCase()} file (${detected.mime})` : 'not a video (its content matches no known file type; text, perhaps)'
  throw new Refused(`${file.name ?? 'The file'} is ${what}. Films must be MP4 or WebM videos: export the film as MP4 (H.264) or WebM and upload that.`, 415, { detected: detected?.mime ?? null })
}
