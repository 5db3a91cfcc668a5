/**
 * content/ is replaced by the export one collection folder at a time: it also holds code
 * (content/*.ts, schema/), so it cannot be one folder renamed over another. A reader that copies
 * it meanwhile (the draft preview takes a snapshot) would find a folder gone mid-copy, and an
 * export killed between two renames left a collection missing or half the collections new.
 *
 * So both hold one lock for the short time they touch it, and a swap is done in an order that the
 * next holder of the lock can finish or undo: every old folder is moved aside first, then every
 * new one moved in, then a mark written, then the old ones removed. A swap that died before its
 * mark is undone (content/ as before the export), after it finished (content/ as after).
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { crashPoint } from '../../system/crash-points.ts'
import { withLock } from '../lock.ts'

/** Beside the folder, not in it: content/ is in git. */
export const contentLockFile = (contentRoot: string): string => besideContent(contentRoot, 'lock')

const besideContent = (contentRoot: string, what: string) => {
  const dir = path.resolve(contentRoot)
  return path.join(path.dirname(dir), `.${path.basename(dir)}.${what}`)
}
const oldMark = '.old-'
const doneMark = (contentRoot: string, pid: number) => besideContent(contentRoot, `swapped-${pid}`)

export const withContentLock = <T>(contentRoot: string, fn: () => Promise<T>): Promise<T> =>
  withLock(
    contentLockFile(contentRoot),
    async () => {
      await settleDeadSwaps(contentRoot)
      return fn()
    },
    { what: `the content folder ${contentRoot}` },
  )

/** Replaces each `<contentRoot>/<name>` by `<staged>/<name>`; call it holding the content lock. */
export async function swapContent(contentRoot: string, staged: string, names: readonly string[]): Promise<void> {
  const root = path.resolve(contentRoot)
  const aside = (name: string) => path.join(root, `${name}${oldMark}${process.pid}`)
  for (const name of names) {
    // A collection without a folder yet gets an empty one, so that undoing restores "none".
    await mkdir(path.join(root, name), { recursive: true })
    await rename(path.join(root, name), aside(name))
  }
  for (const name of names) {
    await rename(path.join(staged, name), path.join(root, name))
    crashPoint('export:swap')
  }
  await writeFile(doneMark(root, process.pid), '')
  for (const name of names) await rm(aside(name), { recursive: true, force: true })
  await rm(doneMark(root, process.pid), { force: true })
}

/** Finishes or undoes what a killed swap left (under the lock, any swap but ours is dead). */
export async function settleDeadSwaps(contentRoot: string): Promise<void> {
  const root = path.resolve(contentRoot)
  const left = new Map<number, string[]>()
  for (const entry of await readdir(root).catch(() => [] as string[])) {
    const at = entry.lastIndexOf(oldMark)
    const pid = Number(entry.slice(at + oldMark.length))
    if (at <= 0 || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) continue
    left.set(pid, [...(left.get(pid) ?? []), entry.slice(0, at)])
  }
  for (const [pid, names] of left) {
    const finished = existsSync(doneMark(root, pid))
    for (const name of names) {
      const old = path.join(root, `${name}${oldMark}${pid}`)
      if (finished) await rm(old, { recursive: true, force: true })
      else {
        await rm(path.join(root, name), { recursive: true, force: true })
        await rename(old, path.join(root, name))
      }
    }
    await rm(doneMark(root, pid), { force: true })
  }
  // A mark whose swap had removed all its old folders when it died.
  const marks = path.basename(doneMark(root, 0)).slice(0, -1)
  for (const entry of await readdir(path.dirname(root)).catch(() => [] as string[])) {
    if (entry.startsWith(marks) && entry !== path.basename(doneMark(root, process.pid))) await rm(path.join(path.dirname(root), entry), { force: true })
  }
}
