/**
 * content/ is replaced one collection folder at a time by the export; a reader that copies it
 * meanwhile (the draft preview takes a snapshot) would find a folder gone mid-copy. Both hold this
 * lock for the short time they touch it, so a copy sees one whole export or the next.
 */
import path from 'node:path'
import { withLock } from '../lock.ts'

/** Beside the folder, not in it: content/ is in git. */
export const contentLockFile = (contentRoot: string): string => {
  const dir = path.resolve(contentRoot)
  return path.join(path.dirname(dir), `.${path.basename(dir)}.lock`)
}

export const withContentLock = <T>(contentRoot: string, fn: () => Promise<T>): Promise<T> => withLock(contentLockFile(contentRoot), fn, { what: `the content folder ${contentRoot}` })
