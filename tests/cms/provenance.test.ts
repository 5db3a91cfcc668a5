/**
 * Translation provenance kept by the CMS as people work, on both databases: an editor's change to
 * the Danish makes the translations of that field outdated; a translator's new translation, or a
 * review, makes them current again. Checked through the export, as the site and report see it.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../content/load.ts'
import { documentStates, outdated } from '../../content/translations.ts'
import { exportContent } from '../../cms/sync/export.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { databases, startTestCms, type TestCms, createStaff, type Staff } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'

describe.each(databases)('translation provenance on %s', (kind) => {
  let cms: TestCms
  let payload: Payload
  let out: string
  let id: number | string
  const users: Record<string, Staff> = {}
  const as = (role: string) => ({ overrideAccess: false, user: users[role] }) as const
  const today = new Date().toISOString().slice(0, 10)
  const exported = async () => {
    await exportContent(payload, out)
    return (await loadContent(out)).activities.find((a) => a.slug === 'babymassage')!
  }

  beforeAll(async () => {
    cms = await startTestCms(kind, 'provenance')
    payload = cms.payload
    out = await mkdtemp(path.join(tmpdir(), 'modersmal-provenance-'))
    await seedContent(payload, repoContent)
    id = (await payload.find({ collection: 'activities', where: { slug: { equals: 'babymassage' } }, overrideAccess: true })).docs[0]!.id
    for (const [role, extra] of [
      ['editor', {}],
      ['translator', { translatorLocales: ['ar'] }],
    ] as const) {
      users[role] = await createStaff(payload, role, extra)
    }
  })
  afterAll(async () => {
    await cms?.close()
    await rm(out, { recursive: true, force: true })
  })

  it('seeded translations are current', async () => {
    const doc = await exported()
    expect(outdated(doc, 'ar').fields).toEqual([])
    expect(Object.values(documentStates(doc, 'ar'))).not.toContain('outdated')
  })

  it('a Danish change makes that field outdated in every translation, dated today', async () => {
    await payload.update({ collection: 'activities', id, locale: 'da', ...as('editor'), data: { tips: 'Brug kun olie, som kan spises, og vask hænderne før og efter.', _status: 'published' } })
    const doc = await exported()
    expect(outdated(doc, 'ar')).toEqual({ fields: ['tips'], sourceUpdated: today })
    expect(outdated(doc, 'en')).toEqual({ fields: ['tips'], sourceUpdated: today })
    expect(documentStates(doc, 'ar').title).toBe('machine')
  })

  it("a translator's new translation of the field makes it current again, in her language only", async () => {
    await payload.update({ collection: 'activities', id, locale: 'ar', ...as('translator'), data: { tips: 'استخدمي فقط زيتاً صالحاً للأكل، واغسلي يديكِ قبل التدليك وبعده.', _status: 'published' } })
    const doc = await exported()
    expect(outdated(doc, 'ar').fields).toEqual([])
    expect(outdated(doc, 'en').fields).toEqual(['tips'])
  })

  it('marking a language reviewed confirms all its fields against the current Danish', async () => {
    await payload.update({ collection: 'activities', id, locale: 'en', ...as('editor'), data: { translationStatus: 'reviewed', _status: 'published' } })
    const doc = await exported()
    expect(outdated(doc, 'en').fields).toEqual([])
    expect(new Set(Object.values(documentStates(doc, 'en')))).toEqual(new Set(['translated']))
  })
})
