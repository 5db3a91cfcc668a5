/**
 * The publish loop: the admin pings (see requestPublish.ts), the publisher waits until saves have
 * settled (debounce), then runs one publish (scripts/publish-once.ts) in a child process. Saves
 * during a publish queue exactly one more. A failed or killed publish leaves the live site as it
 * was and records the error for the admin; the next ping tries again.
 *
 * The child is a worker kept warm between publishes: started ahead (its imports take seconds),
 * and kept after a publish, when Astro's next build in it takes about half the time. One that
 * failed ends and a fresh one waits; a hung one is killed at the time limit, as before.
 */
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { spawnOwned } from '../children.ts'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { repoRoot } from '../paths.ts'
import { readStatus, writeStatus, type PublishStatus } from './status.ts'

export interface PublisherOptions {
  /** Environment for the publish process: DATABASE_URL, MODERSMAL_DATA_DIR, MODERSMAL_CONTENT_DIR, MODERSMAL_DIST_DIR … */
  env: Record<string, string | undefined>
  statusFile: string
  debounceMs?: number
  /** What one run does: scripts/publish-once.ts, with `--preview` for the draft preview (cms/preview/). */
  args?: string[]
  /** What a run builds, for the log: "the live site" unless said otherwise. */
  target?: string
  /** A publish running longer is stopped and reported (a hung build must not block every later one). */
  timeoutMs?: number
  /** The program of one run; scripts/publish-once.ts unless a test gives another. */
  script?: string
  log?: (m: string) => void
}

export interface Publisher {
  /** Where the admin pings: pass it to the admin as MODERSMAL_PUBLISH_URL. */
  url: string
  /** Asks for a publish (what a ping does). */
  request(): void
  /** The state as last known, also when the status file could not be written. */
  readonly status: PublishStatus
  /** Whether a publish is running now. */
  readonly running: boolean
  /** Kills the running publish and everything it started (what a crash or an operator does). */
  kill(signal?: NodeJS.Signals): void
  /** Resolves when nothing is waiting or running. */
  idle(): Promise<void>
  stop(): Promise<void>
}

const defaultScript = path.join(repoRoot, 'scripts', 'publish-once.ts')

/** What the worker (scripts/publish-once.ts --serve) answers to each "publish". */
export type WorkerAnswer = { ok: true; ms: number; pages: number; steps: Record<string, number>; skipped?: boolean } | { ok: false; message?: string }

interface Worker {
  proc: ChildProcess
  /** The environment it was started with, to tell whether it still fits. */
  env: string
  /** Its errors since the last publish ended: a failure's message is at the end. */
  stderr: string
  closed: boolean
}

/** Enough of a worker's errors for a failure's last lines, not a whole build log. */
const outputKept = 64 * 1024

/** How long saves must have settled before a publish starts: a burst of saves is one publish. */
export const defaultDebounceMs = 500

/** Ten minutes: about seven times the longest publish measured (12,800 pages on two cores). */
export const defaultPublishTimeoutMs = Number(process.env.MODERSMAL_PUBLISH_TIMEOUT_S ?? 600) * 1000

export async function startPublisher(opts: PublisherOptions): Promise<Publisher> {
  const debounceMs = opts.debounceMs ?? defaultDebounceMs
  const log = opts.log ?? (() => {})
  const timeoutMs = opts.timeoutMs ?? defaultPublishTimeoutMs
  let status: PublishStatus = { ...(readStatus(opts.statusFile) ?? {}), state: 'idle' }
  // The status file is for the admin to read. Failing to write it (a full disk, a read-only
  // folder) is logged, never thrown: it runs in timers and exit handlers, where a throw would end
  // npm start and every publish after it.
  let unwritable = false
  const save = (next: Partial<PublishStatus>) => {
    status = { ...status, ...next }
    try {
      writeStatus(status, opts.statusFile)
      unwritable = false
    } catch (e) {
      if (!unwritable) log(`Could not write the publish status to ${opts.statusFile}: ${(e as Error).message}`)
      unwritable = true
    }
  }
  save({})

  let timer: NodeJS.Timeout | undefined
  let worker: Worker | undefined
  let running = false
  let stopped = false
  let again = false
  let waiters: Array<() => void> = []
  const settle = () => {
    if (timer || running) return
    for (const w of waiters) w()
    waiters = []
  }
  // What a worker gets: read at each publish, so one started with other settings is replaced.
  const workerEnv = () => ({ ...process.env, ...opts.env, MODERSMAL_PUBLISH_URL: '' })

  function startWorker(): Worker {
    const env = workerEnv()
    // Node itself (no wrapper process), in a process group of its own, so a kill reaches the
    // build and whatever it started (Pagefind's indexer).
    const proc = spawnOwned(['--import', 'tsx'], opts.script ?? defaultScript, [...(opts.args ?? []), '--serve'], { cwd: repoRoot, env, detached: true, ipc: true })
    const w: Worker = { proc, env: JSON.stringify(env), stderr: '', closed: false }
    proc.stdout!.resume() // Astro's notes: read, so the pipe never fills, and not kept
    proc.stderr!.on('data', (d) => (w.stderr = (w.stderr + String(d)).slice(-outputKept)))
    proc.on('error', () => {}) // a message to a worker that just ended; its close tells the rest
    proc.on('close', () => {
      w.closed = true
      if (worker === w) worker = undefined
    })
    return w
  }

  /** A worker waiting, warm, for the next publish (after a failure too: that one has ended). */
  function standBy(): void {
    if (!stopped && (!worker || worker.closed)) worker = startWorker()
  }

  function run(): void {
    timer = undefined
    again = false
    running = true
    save({ state: 'publishing' })
    const started = performance.now()
    const startedAt = new Date().toISOString()
    if (worker && (worker.closed || worker.env !== JSON.stringify(workerEnv()))) {
      if (!worker.closed && worker.proc.pid) killGroup(worker.proc.pid, 'SIGKILL')
      worker = undefined
    }
    worker ??= startWorker()
    const w = worker
    const { proc } = w
    let timedOut = false
    const limit = setTimeout(() => {
      timedOut = true
      if (proc.pid) killGroup(proc.pid, 'SIGKILL')
    }, timeoutMs)
    const done = (answer: WorkerAnswer | undefined, signal: NodeJS.Signals | null = null, code: number | null = null) => {
      clearTimeout(limit)
      proc.off('message', onMessage)
      proc.off('close', onClose)
      running = false
      const at = new Date().toISOString()
      const seconds = Math.round((performance.now() - started) / 100) / 10
      if (answer?.ok && answer.skipped) {
        log(`Nothing to build for ${opts.target ?? 'the live site'}: another admin server's publish, started after these saves, showed them`)
        save({ state: again ? 'waiting' : 'idle', lastError: undefined })
      } else if (answer?.ok) {
        // The time before the worker began: none when it was waiting warm.
        const steps = { startup: Math.max(0, Math.round(performance.now() - started) - answer.ms), ...answer.steps }
        log(`Built ${opts.target ?? 'the live site'}: ${answer.pages} pages in ${seconds} s`)
        save({ state: again ? 'waiting' : 'idle', lastSuccess: { at, startedAt, seconds, pages: answer.pages, steps }, lastError: undefined })
      } else {
        const message = timedOut
          ? `The publish took longer than ${Math.round(timeoutMs / 1000)} s and was stopped. The live site is unchanged; the next save tries again.`
          : signal
            ? `The publish was stopped (${signal}) before it finished.`
            : answer?.message || lastLines(w.stderr) || `The publish failed (exit ${code ?? 1}).`
        log(`Building ${opts.target ?? 'the live site'} failed; what was there is unchanged.\n${message}`)
        save({ state: again ? 'waiting' : 'idle', lastError: { at, startedAt, message } })
      }
      w.stderr = ''
      if (again) schedule()
      else standBy()
      settle()
    }
    const onMessage = (answer: WorkerAnswer) => done(answer)
    const onClose = (code: number | null, signal: NodeJS.Signals | null) => done(undefined, signal, code)
    proc.on('message', onMessage)
    proc.on('close', onClose)
    if (w.closed) done(undefined, null, proc.exitCode)
    else proc.send('publish', () => {})
  }

  function schedule(): void {
    if (running) {
      again = true
      return
    }
    clearTimeout(timer)
    if (status.state !== 'waiting') save({ state: 'waiting' })
    timer = setTimeout(run, debounceMs)
  }

  const token = randomBytes(16).toString('hex')
  const server: Server = createServer((req, res) => {
    // Only whoever was given the URL (the admin) may ask: anyone on the machine can reach a port.
    if (req.method === 'POST' && req.url === `/publish/${token}`) {
      schedule()
      res.writeHead(202).end()
    } else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  standBy()

  return {
    url: `http://127.0.0.1:${port}/publish/${token}`,
    get status() {
      return status
    },
    request: schedule,
    get running() {
      return running
    },
    kill(signal = 'SIGTERM') {
      if (running && worker?.proc.pid) killGroup(worker.proc.pid, signal)
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve)
        settle()
      }),
    async stop() {
      stopped = true
      clearTimeout(timer)
      timer = undefined
      const w = worker
      if (w && !w.closed && w.proc.pid) {
        const closed = new Promise((resolve) => w.proc.once('close', resolve))
        killGroup(w.proc.pid, 'SIGTERM')
        await closed
      }
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** The run and whatever it started (Pagefind's indexer); gone already is fine. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e
  }
}

/** The end of an error output: what an editor can act on, not a page of stack. */
function lastLines(text: string, n = 12): string {
  return text
    .split('\n')
    .filter((l) => l.trim() && !/^\s+at /.test(l))
    .slice(-n)
    .join('\n')
    .trim()
}
