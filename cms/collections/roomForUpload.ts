import { accessSync, constants, mkdirSync, statfsSync } from 'node:fs'
import type { CollectionBeforeOperationHook } from 'payload'
import { machineFault, type MachineFault } from '../../system/machine-faults.ts'
import { Refused } from '../errors.ts'

/**
 * Before an upload is stored: is there room for it, and may the server write there? Payload's own
 * failure to write the file answered "There was a problem while uploading the file." (400, as if
 * the editor's file were at fault) and logged the cause nobody sees. The original and a picture's
 * sizes need up to about three times the file.
 */
export const roomForUpload: CollectionBeforeOperationHook = ({ req, operation, collection }) => {
  if (operation !== 'create' && operation !== 'update') return
  const file = req.file as { size?: number; name?: string } | undefined
  const dir = collection.upload ? collection.upload.staticDir : undefined
  // In a bucket (cms/storage.ts) the file never lands in the folder: the bucket says if it is full.
  if (!file || !dir || collection.upload.disableLocalStorage) return
  let fault: MachineFault | null
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, constants.W_OK)
    const { bavail, bsize } = statfsSync(dir)
    fault = bavail * bsize < (file.size ?? 0) * 3 ? machineFault({ code: 'ENOSPC', path: dir }) : null
  } catch (e) {
    fault = machineFault(e)
    if (!fault) throw e
  }
  if (fault) throw new Refused(`${fault.what}: ${file.name ?? 'the file'} was not stored. Nothing was saved; tell whoever runs the server, then upload it again.`, fault.status)
}
