/**
 * Keeps a server process running: when it exits without being asked to, it is started again after
 * a pause that doubles with each quick failure (1 s, 2 s, 4 s … at most a minute) and starts over
 * once it has run for a while. Every start, exit and restart is logged, so the log says what
 * happened while nobody watched.
 */
import type { ChildProcess } from 'node:child_process'

export interface Supervised {
  process: ChildProcess
  stop(): Promise<void>
}

export interface SupervisorOptions<T extends Supervised> {
  start(): Promise<T>
  log(message: string): void
  /** The first pause; doubled after each exit, up to maxDelayMs. */
  firstDelayMs?: number
  maxDelayMs?: number
  /** A run at least this long counts as healthy: the next pause is the first again. */
  healthyAfterMs?: number
  /** Called with each new instance (the first included). */
  onStart?(instance: T): void
}

export interface Supervisor<T> {
  readonly current: T
  readonly restarts: number
  stop(): Promise<void>
}

const pause = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`)

export async function supervise<T extends Supervised>(opts: SupervisorOptions<T>): Promise<Supervisor<T>> {
  const first = opts.firstDelayMs ?? 1000
  const max = opts.maxDelayMs ?? 60_000
  const healthy = opts.healthyAfterMs ?? 5 * 60_000
  let current = await opts.start()
  let restarts = 0
  let delay = first
  let stopping = false
  let timer: NodeJS.Timeout | undefined

  const watch = (instance: T) => {
    const startedAt = Date.now()
    opts.onStart?.(instance)
    instance.process.once('exit', (code, signal) => {
      if (stopping) return
      if (Date.now() - startedAt >= healthy) delay = first
      opts.log(`stopped (${signal ?? `exit code ${code}`}); starting it again in ${pause(delay)}`)
      timer = setTimeout(() => void restart(), delay)
      delay = Math.min(delay * 2, max)
    })
  }
  const restart = async () => {
    if (stopping) return
    try {
      current = await opts.start()
      restarts++
      opts.log(`running again (restart ${restarts})`)
      watch(current)
    } catch (e) {
      opts.log(`could not be started: ${(e as Error).message.split('\n')[0]}; trying again in ${pause(delay)}`)
      timer = setTimeout(() => void restart(), delay)
      delay = Math.min(delay * 2, max)
    }
  }
  watch(current)
  return {
    get current() {
      return current
    },
    get restarts() {
      return restarts
    },
    async stop() {
      stopping = true
      clearTimeout(timer)
      await current.stop()
    },
  }
}
