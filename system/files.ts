/**
 * Files named by their content: a file's hash, read once per version of the file, and cache entries
 * (written once, never changed) placed in a built site as hard links: no bytes copied, no room
 * taken twice.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises'
import path from 'node:path'

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

/** Every file under `dir`, as paths relative to it; none when it does not exist. */
export async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return []
    throw e
  })
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
}

/** `to` (made here) holds every file of `from` as a link: a copy of a whole tree that costs no bytes. */
export async function linkTree(from: string, to: string, keep: (file: string) => boolean = () => true): Promise<void> {
  await mkdir(to, { recursive: true })
  const made = new Set<string>([to])
  for (const file of await filesOf(from)) if (keep(file)) await linkInto(path.join(from, file), path.join(to, file), made)
}

/** `to`, in a folder this caller made, becomes `from`; each folder made once (thousands of files). */
export async function linkInto(from: string, to: string, made: Set<string>): Promise<void> {
  const dir = path.dirname(to)
  if (!made.has(dir)) {
    await mkdir(dir, { recursive: true })
    made.add(dir)
  }
  await linkNew(from, to)
}
