/**
 * The backup archive: a gzipped tar holding manifest.json, the database (database/cms.db, a
 * SQLite file, or database/cms.pgdump, pg_dump's custom format) and the uploads
 * (uploads/<collection>/…). The manifest lists every file with its SHA-256, so a damaged or
 * tampered archive is refused before anything is restored.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { DatabaseKind } from '../database.ts'

export const archiveFormat = 1

export interface Manifest {
  format: typeof archiveFormat
  createdAt: string
  database: DatabaseKind
  /** The last migration the database had run: a restore into an older program would be refused by it. */
  migration: string | null
  files: Record<string, string>
  /** Set when the uploads are kept in an S3 bucket (cms/storage.ts): the archive does not hold them; the bucket's own versioning or replication keeps them. */
  uploadsInBucket?: string
}

export const databaseFile: Record<DatabaseKind, string> = { sqlite: 'database/cms.db', postgres: 'database/cms.pgdump' }

export async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Every file under dir, as paths relative to it with forward slashes. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
}
