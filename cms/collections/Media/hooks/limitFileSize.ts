import { APIError, type CollectionBeforeOperationHook } from 'payload'

/**
 * Payload's upload limit only binds HTTP uploads (the multipart parser); this also covers the
 * local API and says plainly what is wrong.
 */
export const limitFileSize =
  (maxBytes: number): CollectionBeforeOperationHook =>
  ({ req, operation }) => {
    if (operation !== 'create' && operation !== 'update') return
    const file = req.file as { size?: number; name?: string; truncated?: boolean } | undefined
    if (file && ((file.size ?? 0) > maxBytes || file.truncated)) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
      throw new APIError(`${file.name ?? 'The file'} is ${mb(file.size ?? 0)}; the limit is ${mb(maxBytes)}. Make the picture smaller and try again.`, 413, undefined, true)
    }
  }
