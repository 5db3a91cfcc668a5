/**
 * `npm run restore -- <archive>`: loads a backup (cms/backup/archive.ts) into an empty data folder
 * and an empty database, never over existing data. The archive is unpacked and checked first
 * (its manifest, every file's SHA-256, the database kind); only then is anything put in place.
 * The next start runs any migrations newer than the backup.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { chmod, copyFile, cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { extract } from 'tar'
import { uploadSlugs } from '../config.ts'
import { databaseKind, isPostgresUrl, queryPostgres } from '../database.ts'
import { ensurePrivateDir } from '../private-files.ts'
import { archiveFormat, databaseFile, filesUnder, sha256, type Manifest } from './archive.ts'
import { postgresTool, sqliteFileOf } from './backup.ts'

export interface RestoreOptions {
  archive: string
  databaseUrl?: string
  dataDir: string
}

export class RestoreRefused extends Error {
  override name = 'RestoreRefused'
}

/** What is already there, so nothing is overwritten. */
async function existing(opts: RestoreOptions, kind: Manifest['database']): Promise<string[]> {
  const found: string[] = []
  if (kind === 'postgres') {
    const [{ n }] = await queryPostgres<{ n: string }>(opts.databaseUrl!, "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'")
    if (Number(n) > 0) found.push('the PostgreSQL database has tables')
  } else {
    const file = sqliteFileOf(opts.databaseUrl, opts.dataDir)
    if (existsSync(file) && statSync(file).size > 0) found.push(file)
  }
  for (const slug of uploadSlugs) {
    const dir = path.join(opts.dataDir, slug)
    if (existsSync(dir) && readdirSync(dir).length) found.push(dir)
  }
  return found
}

export async function restore(opts: RestoreOptions): Promise<Manifest> {
  const target = databaseKind({ url: opts.databaseUrl ?? 'file:' })
  ensurePrivateDir(opts.dataDir)
  const staging = await mkdtemp(path.join(opts.dataDir, '.restore-'))
  try {
    await extract({ file: opts.archive, cwd: staging, strict: true }).catch((e: Error) => {
      throw new RestoreRefused(`${opts.archive} is not a readable backup archive: ${e.message}`)
    })
    const manifestText = await readFile(path.join(staging, 'manifest.json'), 'utf8').catch(() => {
      throw new RestoreRefused(`${opts.archive} has no manifest.json: it is not a Modersmål backup.`)
    })
    const manifest = JSON.parse(manifestText) as Manifest
    if (manifest.format !== archiveFormat) throw new RestoreRefused(`The archive's format is ${manifest.format}; this program reads format ${archiveFormat}.`)
    if (manifest.database !== target) throw new RestoreRefused(`The archive holds a ${manifest.database} database, but DATABASE_URL points to ${target}: restore it into the same kind of database.`)
    const present = (await filesUnder(staging)).filter((f) => f !== 'manifest.json')
    const listed = Object.keys(manifest.files).sort()
    const damaged = [...listed.filter((f) => !present.includes(f)).map((f) => `${f} is missing`), ...present.filter((f) => !listed.includes(f)).map((f) => `${f} is not in the manifest`)]
    for (const f of listed.filter((x) => present.includes(x))) if ((await sha256(path.join(staging, f))) !== manifest.files[f]) damaged.push(`${f} is damaged`)
    if (damaged.length) throw new RestoreRefused(`The archive is damaged; nothing was restored:\n  ${damaged.join('\n  ')}`)
    const found = await existing(opts, target)
    if (found.length) throw new RestoreRefused(`A restore goes into an empty data folder and database only; nothing was restored. Already there:\n  ${found.join('\n  ')}`)

    const dump = path.join(staging, databaseFile[target])
    if (target === 'postgres' && isPostgresUrl(opts.databaseUrl)) {
      const r = spawnSync(postgresTool('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--dbname', opts.databaseUrl, dump], { encoding: 'utf8' })
      if (r.status !== 0) throw new Error(`pg_restore failed: ${(r.stderr || r.error?.message || '').trim()}`)
    } else {
      const file = sqliteFileOf(opts.databaseUrl, opts.dataDir)
      await mkdir(path.dirname(file), { recursive: true })
      await copyFile(dump, file)
      await chmod(file, 0o600)
    }
    for (const slug of uploadSlugs) {
      const from = path.join(staging, 'uploads', slug)
      if (existsSync(from)) await cp(from, path.join(opts.dataDir, slug), { recursive: true })
    }
    return manifest
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
