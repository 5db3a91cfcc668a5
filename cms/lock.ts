/**
 * A lock across processes: a file created exclusively that holds its owner's pid. A lock whose
 * owner died (a killed publish, a killed build) is taken over instead of waited for.
 *
 * Used where two processes of ours touch one folder: the admin build (two test files, `npm start`
 * beside the tests) and content/ (the live publish swaps it in while the draft preview copies it).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { alive } from '../system/processes.ts'

/** Takes the lock if it is free or its owner died; false while a live process holds it. */
function tryTake(file: string): boolean {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' })
    return true
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  }
  let holder = 0
  try {
    holder = Number(readFileSync(file, 'utf8').trim() || 0)
  } catch {
    // Released between our two looks: try again at once.
    return tryTake(file)
  }
  // An empty file is a lock being written this instant; only a dead owner's lock is removed.
  if (holder && !alive(holder)) rmSync(file, { force: true })
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
