/**
 * One publish of the live site at a time across every admin server: a lock in the database, not in
 * a process. On PostgreSQL, a session advisory lock on a connection of its own, held for the whole
 * publish; a publish that dies loses its connection and with it the lock, so nothing is left to
 * clean up. SQLite is one machine's file: a lock file beside it (cms/lock.ts), taken over when its
 * owner died.
 */
import type { Payload } from 'payload'
import { databaseKind, sqliteFile } from '../database.ts'
import { holderOf, withLock } from '../lock.ts'

/** Two 32-bit keys ("Modr", 1), so pg_locks shows them as classid and objid. */
const keys = [0x4d6f6472, 1] as const

const lockFile = (url: string) => {
  const file = sqliteFile(url)
  return file ? `${file}.publish.lock` : undefined
}

export interface PublishLockOptions {
  /** How long to wait for another admin's publish before giving up. */
  timeoutMs: number
  pollMs?: number
  /** Called once when the lock is taken by someone else, before waiting. */
  onWait?: () => void
}

const waitedTooLong = (ms: number) =>
  new Error(`Another admin server has been publishing for ${Math.round(ms / 1000)} s; this publish gave up waiting. The live site is unchanged; the next save tries again.`)

export async function withPublishLock<T>(url: string, fn: () => Promise<T>, opts: PublishLockOptions): Promise<T> {
  const pollMs = opts.pollMs ?? 200
  if (databaseKind({ url }) !== 'postgres') {
    const file = lockFile(url)
    // An in-memory database lives in one process: nobody else can publish from it.
    if (!file) return fn()
    if (holderOf(file)) opts.onWait?.()
    return withLock(file, fn, { what: 'the publish of another admin server', timeoutMs: opts.timeoutMs, pollMs })
  }
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url })
  // A connection lost mid-publish surfaces in the export's own queries; here it must not throw unheard.
  client.on('error', () => {})
  await client.connect()
  try {
    const end = Date.now() + opts.timeoutMs
    let waited = false
    while (!(await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [...keys])).rows[0]!.ok) {
      if (!waited) opts.onWait?.()
      waited = true
      if (Date.now() > end) throw waitedTooLong(opts.timeoutMs)
      await new Promise((r) => setTimeout(r, pollMs))
    }
    return await fn()
  } finally {
    // Ending the session releases the lock.
    await client.end().catch(() => {})
  }
}

/** Whether some admin server is publishing now (for the status every admin shows). */
export async function publishLockHeld(payload: Payload, url: string): Promise<boolean> {
  if (databaseKind({ url }) !== 'postgres') {
    const file = lockFile(url)
    return !!file && !!holderOf(file)
  }
  const { pool } = payload.db as unknown as { pool: { query<R>(sql: string, params: unknown[]): Promise<{ rows: R[] }> } }
  const { rows } = await pool.query<{ held: boolean }>(
    `select exists(select 1 from pg_locks where locktype = 'advisory' and granted and classid = $1 and objid = $2 and objsubid = 2
       and database = (select oid from pg_database where datname = current_database())) as held`,
    [...keys],
  )
  return rows[0]!.held
}
