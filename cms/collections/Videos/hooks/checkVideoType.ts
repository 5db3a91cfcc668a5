import { fileTypeFromBuffer, fileTypeFromFile, type FileTypeResult } from 'file-type'
import type { CollectionBeforeOperationHook } from 'payload'
import { Refused } from '../../../errors.ts'
import { videoMimeTypes } from '../../../../content/schema/vocabulary.ts'
import { inAdminLanguage } from '../../../adminLanguage.ts'

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
  const what = detected
    ? { da: `en ${detected.ext.toUpperCase()}-fil (${detected.mime})`, en: `a ${detected.ext.toUpperCase()} file (${detected.mime})` }
    : { da: 'ikke en video (indholdet passer ikke til nogen kendt filtype; måske tekst)', en: 'not a video (its content matches no known file type; text, perhaps)' }
  throw new Refused(
    inAdminLanguage(req, {
      da: `${file.name ?? 'Filen'} er ${what.da}. Film skal være MP4- eller WebM-videoer: eksportér filmen som MP4 (H.264) eller WebM, og upload den.`,
      en: `${file.name ?? 'The file'} is ${what.en}. Films must be MP4 or WebM videos: export the film as MP4 (H.264) or WebM and upload that.`,
    }),
    415,
    { detected: detected?.mime ?? null },
  )
}
