/**
 * Every use of Pagefind's indexer goes through here. Its Node API talks to a binary over stdio and
 * does not watch that binary: if it dies (killed for want of memory on a large site, say), the
 * call never settles, and a publisher waits forever, or a script ends silently mid-way (Node's
 * "unsettled top-level await", exit 13: how the benchmark at 5,000 activities died). Here the
 * binary's exit rejects the waiting call with the cause, and calls run one at a time, because
 * Pagefind's `close()` ends the one binary every index in the process shares.
 */
import type { ChildProcess } from 'node:child_process'
import { subscribe } from 'node:diagnostics_channel'
import * as pagefind from 'pagefind'

export type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>

// Pagefind starts its binary inside createIndex, synchronously; Node announces every child process
// on this channel, which is how the binary is known without reaching into Pagefind's internals.
let starting = false
let started: ChildProcess | undefined
subscribe('child_process', (message) => {
  if (starting) started = (message as { process: ChildProcess }).process
})

let queue: Promise<unknown> = Promise.resolve()

/** Runs `work` on a new index, then closes Pagefind; rejects if the binary stops before. */
export function withPagefindIndex<T>(work: (index: PagefindIndex) => Promise<T>): Promise<T> {
  const run = queue.then(() => indexOnce(work))
  queue = run.catch(() => undefined)
  return run
}

async function indexOnce<T>(work: (index: PagefindIndex) => Promise<T>): Promise<T> {
  starting = true
  const created = pagefind.createIndex({})
  starting = false
  const binary = started
  started = undefined
  const stopped = new Promise<never>((_, reject) => {
    binary?.once('exit', (code, signal) =>
      reject(new Error(`Pagefind's indexer stopped before it answered (${signal ? `killed by ${signal}${signal === 'SIGKILL' ? ', most often for want of memory' : ''}` : `exit code ${code}`})`)),
    )
  })
  stopped.catch(() => undefined) // it also exits when closed below, after the work is done
  try {
    const { index, errors } = await Promise.race([created, stopped])
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
    return await Promise.race([work(index), stopped])
  } finally {
    await pagefind.close()
  }
}
