/**
 * `npm run backup`: one archive (cms/backup/archive.ts) with a consistent snapshot of the database,
 * taken online while the admin runs (SQLite's backup API through node:sqlite; pg_dump, one
 * transaction, for PostgreSQL), and the uploads. The database is copied first, so every file it
 * names is already on disk when the uploads are copied. The archive appears under its name only
 * when complete, readable by its owner only: it holds everything the CMS holds.
 */
import { spawnSync } from 'node:child_process'
import { chmod, cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { backup as sqliteBackup, DatabaseSync } from 'node:sqlite'
import { create as tar } from 'tar'
import { postgresBinDir } from '../../system/packages.ts'
import { uploadSlugs } from '../config.ts'
import { databaseKind, isPostgresUrl, queryPostgres, sqliteFile } from '../database.ts'
import { ensurePrivateDir } from '../private-files.ts'
import { archiveFormat, databaseFile, filesUnder, sha256, type Manifest } from './archive.ts'
import { s3Settings } from '../storage.ts'

export interface BackupOptions {
  /** The CMS's DATABASE_URL (a postgres:// URL or file:…); by default data/cms.db. */
  databaseUrl?: string
  dataDir: string
  /** The archive to write (.tar.gz). */
  out: string
}

export interface BackupResult {
  archive: string
  manifest: Manifest
}

export function sqliteFileOf(url: string | undefined, dataDir: string): string {
  if (!url) return path.join(dataDir, 'cms.db')
  const file = sqliteFile(url)
  if (!file) throw new Error(`Only a SQLite file can be backed up, not ${url}.`)
  return path.resolve(file)
}

export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const bin = postgresBinDir()
  if (!bin) throw new Error(`${name} is not installed. Run: npx tsx scripts/system-deps.ts postgres`)
  return path.join(bin, name)
}

export async function backup(opts: BackupOptions): Promise<BackupResult> {
  const kind = databaseKind({ url: opts.databaseUrl ?? `file:${path.join(opts.dataDir, 'cms.db')}` })
  await mkdir(path.dirname(path.resolve(opts.out)), { recursive: true })
  // Beside the archive, private: never in a shared temporary folder.
  const staging = await mkdtemp(path.join(path.dirname(path.resolve(opts.out)), '.backup-'))
  ensurePrivateDir(staging)
  try {
    const dbOut = path.join(staging, databaseFile[kind])
    await mkdir(path.dirname(dbOut), { recursive: true })
    let migration: string | null
    if (kind === 'postgres' && isPostgresUrl(opts.databaseUrl)) {
      const r = spawnSync(postgresTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', '--file', dbOut, '--dbname', opts.databaseUrl], { encoding: 'utf8' })
      if (r.status !== 0) throw new Error(`pg_dump failed: ${(r.stderr || r.error?.message || '').trim()}`)
      migration = (await queryPostgres<{ name: string }>(opts.databaseUrl, 'SELECT name FROM payload_migrations ORDER BY id DESC LIMIT 1'))[0]?.name ?? null
    } else {
      const source = new DatabaseSync(sqliteFileOf(opts.databaseUrl, opts.dataDir), { readOnly: true })
      try {
        // All pages in one step, under one read lock: copied in small steps, the backup would start
        // over after every write of the admin, and under steady saving never finish.
        await sqliteBackup(source, dbOut, { rate: 2 ** 30 })
      } finally {
        source.close()
      }
      // One self-contained file: a copy in WAL mode would leave -wal and -shm files beside it.
      const copy = new DatabaseSync(dbOut)
      try {
        copy.exec('PRAGMA journal_mode = DELETE')
        migration = (copy.prepare('SELECT name FROM payload_migrations ORDER BY id DESC LIMIT 1').get() as { name?: string } | undefined)?.name ?? null
      } finally {
        copy.close()
      }
    }
    // Uploads in a bucket are not copied: a bucket of film originals is backed up where it lives.
    const bucket = s3Settings()?.bucket
    for (const slug of bucket ? [] : uploadSlugs) {
      const from = path.join(opts.dataDir, slug)
      await cp(from, path.join(staging, 'uploads', slug), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e
      })
    }
    const files: Record<string, string> = {}
    for (const f of await filesUnder(staging)) files[f] = await sha256(path.join(staging, f))
    const manifest: Manifest = { format: archiveFormat, createdAt: new Date().toISOString(), database: kind, migration, files, ...(bucket ? { uploadsInBucket: bucket } : {}) }
    await writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2))
    const partial = `${opts.out}.partial-${process.pid}`
    // Made private before a byte is written (tar keeps an existing file's mode).
    await writeFile(partial, '', { mode: 0o600 })
    await chmod(partial, 0o600)
    await tar({ gzip: true, file: partial, cwd: staging, portable: true }, ['manifest.json', ...Object.keys(files)])
    await rename(partial, opts.out)
    return { archive: path.resolve(opts.out), manifest }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
