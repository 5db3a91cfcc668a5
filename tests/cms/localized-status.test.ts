/**
 * Per-locale publishing on a database that existed before it: the migration `localized_status`
 * moves `_status` into the locales tables and keeps, for every language that had text, what was
 * published. The old rows are written with plain SQL, as the previous schema stored them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrationsFor } from '../../cms/database.ts'
import { exportContent } from '../../cms/sync/export.ts'
import { databases, startTestCms, type TestCms } from '../support/cms.ts'

describe.each(databases)('an existing %s database moving to per-locale status', (kind) => {
  let cms: TestCms
  const rows = async (...statements: string[]) => {
    // Both adapters take raw SQL this way; their types differ by dialect.
    const db = cms.payload.db as unknown as { drizzle: unknown; execute(args: { drizzle: unknown; raw: string }): Promise<unknown> }
    for (const raw of statements) await db.execute({ drizzle: db.drizzle, raw })
  }

  beforeAll(async () => {
    cms = await startTestCms(kind, 'localized_status', { migrate: false })
    const all = migrationsFor[kind]
    const at = all.findIndex((m) => m.name.endsWith('_localized_status'))
    expect(at).toBeGreaterThan(0)
    await cms.payload.db.migrate({ migrations: all.slice(0, at) })
    // A published programme in Danish and Arabic, and a draft one in Danish, each with a version.
    await rows(
      `INSERT INTO "programmes" ("id", "slug", "organisation", "_status") VALUES (1, 'offentligt', 'DRC', 'published'), (2, 'kladde', 'DRC', 'draft')`,
      `INSERT INTO "programmes_locales" ("name", "description", "target_group", "translation_status", "_locale", "_parent_id") VALUES
        ('Offentligt program', 'Beskrivelse', 'Mødre', NULL, 'da', 1), ('برنامج عام', 'وصف', 'الأمهات', 'machine', 'ar', 1),
        ('Kladdeprogram', 'Beskrivelse', 'Mødre', NULL, 'da', 2)`,
      `INSERT INTO "_programmes_v" ("id", "parent_id", "version_slug", "version_organisation", "version__status", "latest") VALUES
        (1, 1, 'offentligt', 'DRC', 'published', true), (2, 2, 'kladde', 'DRC', 'draft', true)`,
      `INSERT INTO "_programmes_v_locales" ("version_name", "version_description", "version_target_group", "version_translation_status", "_locale", "_parent_id") VALUES
        ('Offentligt program', 'Beskrivelse', 'Mødre', NULL, 'da', 1), ('برنامج عام', 'وصف', 'الأمهات', 'machine', 'ar', 1),
        ('Kladdeprogram', 'Beskrivelse', 'Mødre', NULL, 'da', 2)`,
    )
    await cms.payload.db.migrate({ migrations: all })
  })
  afterAll(async () => {
    await cms?.close()
  })

  const read = (slug: string, draft: boolean) =>
    cms.payload
      .find({ collection: 'programmes', where: { slug: { equals: slug } }, locale: 'all', draft, depth: 0, overrideAccess: true })
      .then((r) => r.docs[0] as unknown as { _status: Record<string, string | null | undefined>; name: Record<string, string> })

  it('keeps a published document published in each language it had, and no other', async () => {
    const doc = await read('offentligt', false)
    expect(doc._status.da).toBe('published')
    expect(doc._status.ar).toBe('published')
    expect(doc._status.so).not.toBe('published')
    expect(doc.name).toMatchObject({ da: 'Offentligt program', ar: 'برنامج عام' })
  })

  it('keeps a draft a draft, in the document and in its version history', async () => {
    expect((await read('kladde', false))._status.da).toBe('draft')
    expect((await read('kladde', true))._status.da).toBe('draft')
    expect((await read('offentligt', true))._status.ar).toBe('published')
  })

  it('exports what was published, as before', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'modersmal-localized-status-'))
    try {
      const { counts } = await exportContent(cms.payload, dir)
      expect(counts.programmes).toBe(1)
      const yaml = readFileSync(path.join(dir, 'programmes', 'offentligt.yaml'), 'utf8')
      expect(yaml).toContain('ar: برنامج عام')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
