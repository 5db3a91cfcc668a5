/**
 * Which database the CMS uses. SQLite (embedded, a file under data/) unless DATABASE_URL is a
 * postgres:// URL. Both run committed migrations, never a schema push, so the two stay alike.
 */
import { ensurePrivateDir, ensurePrivateFile } from './private-files.ts'
import path from 'node:path'
import type { DatabaseAdapterObj, Migration, Payload } from 'payload'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { migrations as sqliteMigrations } from './migrations/sqlite/index.ts'
import { migrations as postgresMigrations } from './migrations/postgres/index.ts'
import { dataDir, repoRoot } from './paths.ts'
import { postgresIndexes, sqliteIndexes } from './database-indexes.ts'

export type DatabaseKind = 'sqlite' | 'postgres'

export const migrationDirs: Record<DatabaseKind, string> = {
  sqlite: path.join(repoRoot, 'cms', 'migrations', 'sqlite'),
  postgres: path.join(repoRoot, 'cms', 'migrations', 'postgres'),
}

type NamedMigration = Migration & { name: string }

// Each adapter types its migration arguments; Payload's runner takes them as unknown.
export const migrationsFor: Record<DatabaseKind, NamedMigration[]> = {
  sqlite: sqliteMigrations as unknown as NamedMigration[],
  postgres: postgresMigrations as unknown as NamedMigration[],
}

export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url)

export interface DatabaseOptions {
  /** A postgres:// URL, or a SQLite URL (`file:…` or `:memory:`). */
  url?: string
  /**
   * SQLite: wrap each operation in a transaction, as PostgreSQL always does. For the commands that
   * must be all or nothing (seed, XLIFF import: a kill mid-way left half of it behind). Off where
   * requests run at once: Payload advises against SQLite transactions there, and libsql opens a
   * new connection beside each one, without the busy timeout (libsql-client-ts#288).
   * Needs a database file: beside `:memory:` the new connection would see another, empty database.
   */
  transactions?: boolean
}

/** The file a SQLite URL names (`file:<path>`), or null for another URL (`:memory:`, postgres://). */
export function sqliteFile(url: string): string | null {
  return url.startsWith('file:') && !url.includes(':memory:') ? url.slice('file:'.length) : null
}

/**
 * After a bulk load (the seed): PostgreSQL plans with the table statistics of the empty tables
 * until autovacuum comes round, which made the first minutes' reads slow (50 activities at 1,200:
 * p95 56 ms, 42 ms after). SQLite plans as well without them (measured), so it is left alone.
 */
export async function refreshStatistics(payload: Payload): Promise<void> {
  const { pool } = payload.db as unknown as { pool?: { query(sql: string): Promise<unknown> } }
  if (payload.db.name === 'postgres' && pool) await pool.query('analyze')
}

/** One query on a PostgreSQL database outside Payload (backup, restore, test set-up). */
export async function queryPostgres<R extends Record<string, unknown>>(url: string, sql: string): Promise<R[]> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<R>(sql)).rows
  } finally {
    await client.end()
  }
}

export function databaseKind(opts: DatabaseOptions = {}): DatabaseKind {
  return isPostgresUrl(opts.url ?? process.env.DATABASE_URL) ? 'postgres' : 'sqlite'
}

/** How long a write waits for another writer's lock before it fails: MODERSMAL_DB_WAIT_S, 10 s. */
const lockWaitMs = () => Math.round(Number(process.env.MODERSMAL_DB_WAIT_S ?? 10) * 1000)

/** The database a CMS opened with these options uses: DATABASE_URL, or the SQLite file under data/. */
export const databaseUrl = (opts: DatabaseOptions = {}): string => opts.url ?? process.env.DATABASE_URL ?? `file:${path.join(dataDir, 'cms.db')}`

export function databaseAdapter(opts: DatabaseOptions = {}): DatabaseAdapterObj {
  const url = opts.url ?? process.env.DATABASE_URL
  if (isPostgresUrl(url)) {
    return postgresAdapter({
      // A lock held by another program (a long migration, someone's psql) must not hang a save
      // for ever: after the wait the save fails and the editor is told why (as SQLite's busy timeout).
      pool: { connectionString: url, options: `-c lock_timeout=${lockWaitMs()}` },
      push: false,
      afterSchemaInit: [postgresIndexes],
      migrationDir: migrationDirs.postgres,
      prodMigrations: postgresMigrations,
    })
  }
  const fileUrl = databaseUrl(opts)
  const file = sqliteFile(fileUrl)
  if (file) {
    ensurePrivateDir(path.dirname(file))
    ensurePrivateFile(file)
  }
  return sqliteAdapter({
    client: { url: fileUrl },
    // WAL and a busy timeout let the admin and a script (seed, export) write at the same time.
    wal: true,
    busyTimeout: lockWaitMs(),
    ...(opts.transactions && file ? { transactionOptions: {} } : {}),
    push: false,
    afterSchemaInit: [sqliteIndexes],
    migrationDir: migrationDirs.sqlite,
    prodMigrations: sqliteMigrations,
  })
}

/**
 * libsql leaves a statement that failed with SQLITE_BUSY unfinalized on its one connection: every
 * later write on it lands in a transaction that never commits (answered 200, then lost) and reads
 * see an old snapshot (libsql-client-ts#352, libsql-js#228; found by tests/faults/locked.test.ts).
 * After a busy error the admin drops that connection and opens a new one, as the adapter's own
 * connect does (busy timeout, WAL).
 */
export async function reconnectSqlite(db: unknown): Promise<void> {
  const adapter = db as { name?: string; client?: { close(): void }; connect?(o: { hotReload: boolean }): Promise<void> }
  if (adapter.name !== 'sqlite' || !adapter.client || !adapter.connect) return
  const poisoned = adapter.client
  adapter.client = undefined
  poisoned.close()
  await adapter.connect({ hotReload: true })
}
