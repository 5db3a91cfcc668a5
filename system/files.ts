/**
 * Files that are written once and never changed (a cache entry named by its content's hash) can be
 * placed in a built site as hard links: no bytes copied, no room taken twice.
 */
import { copyFile, link, rm } from 'node:fs/promises'

/** `to` becomes `from`: a hard link, or a copy where the two are on different disks. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await rm(to, { force: true })
  try {
    await link(from, to)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e
    await copyFile(from, to)
  }
}
