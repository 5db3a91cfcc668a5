/**
 * Starts Payload for a script or a test: builds the config, connects, and brings the database up
 * to the committed migrations. (The admin server runs the same migrations on start in production.)
 */
import { getPayload, type Payload } from 'payload'
import { createConfig, type CmsOptions } from './config.ts'
import { databaseKind, migrationsFor } from './database.ts'

export async function openCms(opts: CmsOptions & { key?: string; migrate?: boolean } = {}): Promise<Payload> {
  const config = await createConfig(opts)
  const payload = await getPayload({ config, key: opts.key ?? 'default', cron: false })
  if (opts.migrate !== false && process.env.NODE_ENV !== 'production') {
    await payload.db.migrate({ migrations: migrationsFor[databaseKind(opts.database)] })
  }
  return payload
}

/**
 * Closes Payload. On PostgreSQL the adapter keeps one pooled client checked out for its whole life
 * (to notice lost connections) and its destroy() leaves the pool open, so the pool is ended here
 * without waiting for that client; command-line scripts exit explicitly afterwards.
 */
export async function closeCms(payload: Payload): Promise<void> {
  await payload.destroy()
  const pool = (payload.db as { pool?: { end(): Promise<void>; on(e: string, f: () => void): void; ended?: boolean } }).pool
  if (pool && !pool.ended) {
    pool.on('error', () => {}) // the held client is cut when the server stops
    void pool.end().catch(() => {})
  }
}
