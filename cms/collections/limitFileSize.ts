import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'
import { Refused } from '../errors.ts'
import { adminLanguageOf, type AdminLanguage, type Bilingual } from '../adminLanguage.ts'

/** What an upload collection declares in `custom`: its size limit and what its files are called. */
export interface UploadLimit {
  maxFileBytes: number
  /** "the picture", "the video": used in the refusal ("Make the video smaller …"). */
  fileNoun: Bilingual
}

export const uploadLimitOf = (collection: Pick<CollectionConfig, 'custom'>): UploadLimit | undefined => (collection.custom as { uploadLimit?: UploadLimit } | undefined)?.uploadLimit

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`

/** The refusal, with the file's name and size where known (the multipart parser knows neither). */
export function tooLargeMessage(limit: UploadLimit, file: { name?: string; size?: number } = {}, lang: AdminLanguage = 'en'): string {
  const max = mb(limit.maxFileBytes)
  if (lang === 'da') {
    const what = file.size === undefined ? `${file.name ?? 'Filen'} er større end grænsen på ${max}` : `${file.name ?? 'Filen'} fylder ${mb(file.size)}; grænsen er ${max}`
    return `${what}. Gør ${limit.fileNoun.da} mindre, og prøv igen.`
  }
  const what = file.size === undefined ? `${file.name ?? 'The file'} is larger than the limit of ${max}` : `${file.name ?? 'The file'} is ${mb(file.size)}; the limit is ${max}`
  return `${what}. Make ${limit.fileNoun.en} smaller and try again.`
}

/** The largest of the collections' limits: what the multipart parser must let through. */
export function largestUploadLimit(collections: Array<Pick<CollectionConfig, 'custom'>>): UploadLimit {
  const limits = collections.flatMap((c) => uploadLimitOf(c) ?? [])
  return limits.reduce((a, b) => (b.maxFileBytes > a.maxFileBytes ? b : a))
}

/**
 * Payload's upload limit is one number for all collections and only binds HTTP uploads (the
 * multipart parser, which is set to the largest collection's limit); this enforces each
 * collection's own limit, also through the local API, and says plainly what is wrong.
 */
export const limitFileSize: CollectionBeforeOperationHook = ({ req, operation, collection }) => {
  if (operation !== 'create' && operation !== 'update') return
  const limit = uploadLimitOf(collection)
  const file = req.file as { size?: number; name?: string; truncated?: boolean } | undefined
  if (!limit || !file) return
  if ((file.size ?? 0) > limit.maxFileBytes || file.truncated)
    throw new Refused(tooLargeMessage(limit, { name: file.name, size: file.truncated ? undefined : file.size }, adminLanguageOf(req.i18n)), 413, { limit: limit.maxFileBytes })
}
