/**
 * Starts Payload for a script or a test: builds the config, connects, and brings the database up
 * to the committed migrations. (The admin server runs the same migrations on start in production.)
 */
import { getPayload, type Payload } from 'payload'
import { createConfig, type CmsOptions } from './config.ts'
import { databaseKind, migrationsFor } from './database.ts'

export async function openCms(opts: CmsOptions & { key?: string } = {}): Promise<Payload> {
  const config = await createConfig(opts)
  const payload = await getPayload({ config, key: opts.key ?? 'default', cron: false })
  if (process.env.NODE_ENV !== 'production') {
    await payload.db.migrate({ migrations: migrationsFor[databaseKind(opts.database)] })
  }
  return payload
}

/** Closes Payload and, on PostgreSQL, its connection pool (destroy() leaves idle clients open). */
export async function closeCms(payload: Payload): Promise<void> {
  await payload.destroy()
  const pool = (payload.db as { pool?: { end(): Promise<void>; ended?: boolean } }).pool
  if (pool && !pool.ended) await pool.end().catch(() => {})
}
