/**
 * Files named by their content: a file's hash, read once per version of the file, and cache entries
 * (written once, never changed) placed in a built site as hard links: no bytes copied, no room
 * taken twice.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { copyFile, link, rm } from 'node:fs/promises'

const fileHashes = new Map<string, string>()

/**
 * A file's SHA-256, 16 hex digits. Read once per version of the file (its path, size and time): a
 * long-running publish worker sees a replaced file anew.
 */
export function fileHash(file: string): string {
  const { size, mtimeMs } = statSync(file)
  const key = `${file}\0${size}\0${mtimeMs}`
  let h = fileHashes.get(key)
  if (!h) {
    h = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16)
    fileHashes.set(key, h)
  }
  return h
}

/** `to` becomes `from`: a hard link, or a copy where the two are on different disks. */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  await rm(to, { force: true })
  await linkNew(from, to)
}

/** As `linkOrCopy`, where nothing is at `to` yet (a folder just made): no removal first. */
export async function linkNew(from: string, to: string): Promise<void> {
  try {
    await link(from, to)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e
    await copyFile(from, to)
  }
}
