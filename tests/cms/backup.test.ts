/**
 * Backup and restore, on both databases: `backup` takes its snapshot while an editor keeps saving,
 * `restore` loads it into an empty data folder and database, and the export of the restored CMS
 * equals the export before, byte for byte (uploads included). A restore never overwrites data,
 * and a damaged archive restores nothing.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { create as tar, extract } from 'tar'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { backup } from '../../cms/backup/backup.ts'
import { restore } from '../../cms/backup/restore.ts'
import { filesUnder } from '../../cms/backup/archive.ts'
import { closeCms, openCms } from '../../cms/boot.ts'
import { migrationsFor } from '../../cms/database.ts'
import { exportContent } from '../../cms/sync/export.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { createPostgresDatabase, databases, startTestCms, type TestCms } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'

/** Every file of a folder with its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const f of await filesUnder(dir)) out[f] = (await readFile(path.join(dir, f))).toString('base64')
  return out
}

describe.each(databases)('backup and restore on %s', (kind) => {
  let cms: TestCms
  let payload: Payload
  let work: string
  let archive: string
  let before: Record<string, string>
  let n = 0
  /** An empty place to restore into: a data folder and, for PostgreSQL, a database. */
  const emptyTarget = async () => {
    const dataDir = await mkdtemp(path.join(work, 'restored-'))
    const url = kind === 'postgres' ? await createPostgresDatabase(inject('postgresPort'), `restore_${process.pid}_${++n}`) : `file:${path.join(dataDir, 'cms.db')}`
    return { dataDir, url }
  }

  beforeAll(async () => {
    cms = await startTestCms(kind, 'backup')
    payload = cms.payload
    work = await mkdtemp(path.join(tmpdir(), 'modersmal-backup-'))
    await seedContent(payload, repoContent)
    await exportContent(payload, path.join(work, 'before'))
    before = await snapshot(path.join(work, 'before'))
  })
  afterAll(async () => {
    await cms?.close()
    if (work) await rm(work, { recursive: true, force: true })
  })

  it('takes a consistent snapshot while an editor saves drafts; the restored CMS exports the same bytes', async () => {
    const id = (await payload.find({ collection: 'activities', where: { slug: { equals: 'babymassage' } }, overrideAccess: true })).docs[0]!.id
    let saving = true
    let saves = 0
    // Drafts: the public export does not change, the database does, all through the backup.
    const editor = (async () => {
      while (saving) {
        // Yield between saves, as the admin (a process of its own) leaves this one its turns.
        await new Promise(setImmediate)
        await payload.update({ collection: 'activities', id, locale: 'da', draft: true, overrideAccess: true, data: { tips: `Kladde ${++saves}`, _status: 'draft' } })
      }
    })()
    await new Promise((r) => setTimeout(r, 200))
    const startedAt = saves
    archive = path.join(work, 'backups', 'modersmal.tar.gz')
    const { manifest } = await backup({ databaseUrl: cms.url, dataDir: cms.dataDir, out: archive })
    const during = saves - startedAt
    saving = false
    await editor
    expect(during).toBeGreaterThan(0)
    expect(manifest.database).toBe(kind)
    // The newest migration, named so that a start after a restore knows which ones to run.
    expect(manifest.migration).toBe(migrationsFor[kind].at(-1)!.name)
    // The database as one file, nothing beside it (no -wal or -shm of a half-copied state).
    expect(Object.keys(manifest.files).filter((f) => f.startsWith('database/'))).toEqual([kind === 'sqlite' ? 'database/cms.db' : 'database/cms.pgdump'])
    expect(Object.keys(manifest.files).some((f) => f.startsWith('uploads/media/'))).toBe(true)
    expect((await stat(archive)).mode & 0o777).toBe(0o600)

    const target = await emptyTarget()
    await restore({ archive, databaseUrl: target.url, dataDir: target.dataDir })
    const restored = await openCms({ database: { url: target.url }, dataDir: target.dataDir, key: `restored_${kind}_${process.pid}`, secret: 'another-secret' })
    try {
      await exportContent(restored, path.join(work, 'after'))
      expect(await snapshot(path.join(work, 'after'))).toEqual(before)
      // The drafts saved before the snapshot are in it (the one in flight as it began may not be).
      const draft = await restored.findByID({ collection: 'activities', id, locale: 'da', draft: true, overrideAccess: true })
      expect(Number(String(draft.tips).replace('Kladde ', ''))).toBeGreaterThanOrEqual(startedAt - 1)
    } finally {
      await closeCms(restored)
    }
  })

  it('never restores over existing data, and says what is there', async () => {
    const e = await restore({ archive, databaseUrl: cms.url, dataDir: cms.dataDir }).catch((x: Error) => x)
    expect(e).toBeInstanceOf(Error)
    expect((e as Error).message).toMatch(/A restore goes into an empty data folder and database only; nothing was restored/)
    expect((e as Error).message).toContain(path.join(cms.dataDir, 'media'))
    // The running CMS is untouched.
    expect((await payload.count({ collection: 'activities', overrideAccess: true })).totalDocs).toBeGreaterThan(0)
  })

  it('refuses a damaged archive before putting anything in place', async () => {
    const unpacked = await mkdtemp(path.join(work, 'unpacked-'))
    await extract({ file: archive, cwd: unpacked })
    const upload = (await filesUnder(unpacked)).find((f) => f.startsWith('uploads/media/'))!
    await writeFile(path.join(unpacked, upload), 'not the picture')
    const damaged = path.join(work, 'damaged.tar.gz')
    await tar({ gzip: true, file: damaged, cwd: unpacked }, await filesUnder(unpacked))
    const target = await emptyTarget()
    const e = await restore({ archive: damaged, databaseUrl: target.url, dataDir: target.dataDir }).catch((x: Error) => x)
    expect((e as Error).message).toBe(`The archive is damaged; nothing was restored:\n  ${upload} is damaged`)
    expect(existsSync(path.join(target.dataDir, 'media'))).toBe(false)
    const notAnArchive = path.join(work, 'notes.tar.gz')
    await writeFile(notAnArchive, 'hello')
    expect(((await restore({ archive: notAnArchive, databaseUrl: target.url, dataDir: target.dataDir }).catch((x: Error) => x)) as Error).message).toMatch(/is not a readable backup archive/)
  })
})
