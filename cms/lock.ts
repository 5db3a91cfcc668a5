/**
 * A lock across processes: a file created exclusively that holds its owner's pid. A lock whose
 * owner died (a killed publish, a killed build) is taken over instead of waited for.
 *
 * Used where two processes of ours touch one folder: the admin build (two test files, `npm start`
 * beside the tests), content/ (the live publish swaps it in while the draft preview copies it) and
 * the live publish on SQLite (cms/publish/publishLock.ts).
 */
import { randomBytes } from 'node:crypto'
import { linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { alive } from '../system/processes.ts'

/** A lock file with no owner written in it, older than this, was left by an older version of this code. */
const emptyStaleMs = 5000

/**
 * Takes the lock if it is free or its owner died; false while a live process holds it. The pid is
 * written to a file of its own first and then linked into place, so a lock never exists without
 * its owner: created and then written, a taker killed between the two (the publish tests kill a
 * publish as it starts) left an empty lock that every later publish waited on until its time limit.
 */
function tryTake(file: string): boolean {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
  writeFileSync(draft, String(process.pid))
  try {
    linkSync(draft, file)
    return true
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  } finally {
    rmSync(draft, { force: true })
  }
  let holder = 0
  let age = 0
  try {
    holder = Number(readFileSync(file, 'utf8').trim() || 0)
    age = Date.now() - statSync(file).mtimeMs
  } catch {
    // Released between our two looks: try again at once.
    return tryTake(file)
  }
  if ((holder && !alive(holder)) || (!holder && age > emptyStaleMs)) rmSync(file, { force: true })
  return false
}

/** The live process holding the lock, if any (a dead owner's lock counts as free). */
export function holderOf(file: string): number | undefined {
  let holder = 0
  try {
    holder = Number(readFileSync(file, 'utf8').trim() || 0)
  } catch {
    return undefined
  }
  return holder && alive(holder) ? holder : undefined
}

const release = (file: string) => {
  try {
    if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true })
  } catch {
    // Already gone.
  }
}

function timedOut(file: string, what: string, ms: number): Error {
  let holder = 'unknown'
  try {
    holder = readFileSync(file, 'utf8').trim() || holder
  } catch {
    // Released just now.
  }
  return new Error(`Waited ${Math.round(ms / 1000)} s for ${what} (lock ${file}, held by process ${holder}).`)
}

export interface LockOptions {
  /** What the lock guards, for the error when it is never released. */
  what: string
  timeoutMs?: number
  pollMs?: number
}

export async function withLock<T>(file: string, fn: () => Promise<T>, opts: LockOptions): Promise<T> {
  const { timeoutMs = 120_000, pollMs = 50 } = opts
  const end = Date.now() + timeoutMs
  while (!tryTake(file)) {
    if (Date.now() > end) throw timedOut(file, opts.what, timeoutMs)
    await new Promise((r) => setTimeout(r, pollMs))
  }
  try {
    return await fn()
  } finally {
    release(file)
  }
}

/** The same, for callers that cannot await (the admin build runs before anything is async). */
export function withLockSync<T>(file: string, fn: () => T, opts: LockOptions): T {
  const { timeoutMs = 30 * 60_000, pollMs = 1000 } = opts
  const end = Date.now() + timeoutMs
  while (!tryTake(file)) {
    if (Date.now() > end) throw timedOut(file, opts.what, timeoutMs)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pollMs)
  }
  try {
    return fn()
  } finally {
    release(file)
  }
}
