/**
 * One rule set for validity, on both databases: a save whose public document the export would
 * refuse is refused at once, naming the field with the content schema's own reason, and rolled
 * back, so the next publish still works. A draft may be unfinished; it leaves the public document
 * as it was.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../content/load.ts'
import { exportContent } from '../../cms/sync/export.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { databases, startTestCms, type TestCms, fieldsOf } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'

type Refusal = { data?: { errors?: Array<{ path: string; message: string }> } }

describe.each(databases)('the content schema at save on %s', (kind) => {
  let cms: TestCms
  let payload: Payload
  let out: string
  let editor: Record<string, unknown>
  const idOf = async (collection: CollectionSlug, slug: string) => (await payload.find({ collection, where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!.id
  const read = (collection: CollectionSlug, id: number | string) => payload.findByID({ collection, id, locale: 'all', depth: 0, overrideAccess: true }).then((d) => fieldsOf(d))
  /** The save's refusal (its errors), the document unchanged, the audit log without it. */
  const refused = async (collection: CollectionSlug, id: number | string, data: Record<string, unknown>) => {
    const before = await read(collection, id)
    const events = (await payload.count({ collection: 'audit-events', overrideAccess: true })).totalDocs
    const e = await payload.update({ collection, id, locale: 'da', overrideAccess: false, user: editor as never, data: { ...data, _status: 'published' } as never }).then(
      () => null,
      (x: Refusal) => x,
    )
    expect(await read(collection, id)).toEqual(before)
    expect((await payload.count({ collection: 'audit-events', overrideAccess: true })).totalDocs).toBe(events)
    return e?.data?.errors ?? []
  }

  beforeAll(async () => {
    cms = await startTestCms(kind, 'one_rule_set')
    payload = cms.payload
    out = await mkdtemp(path.join(tmpdir(), 'modersmal-rules-'))
    await seedContent(payload, repoContent)
    editor = { ...(await payload.create({ collection: 'users', overrideAccess: true, data: { email: 'r@example.org', password: 'test-password-1', role: 'editor' } })), collection: 'users' }
  })
  afterAll(async () => {
    await cms?.close()
    await rm(out, { recursive: true, force: true })
  })

  it('refuses a baby age range whose lowest age is above its highest', async () => {
    const id = await idOf('activities', 'babymassage')
    expect(await refused('activities', id, { babyAgeMonths: { min: 12, max: 3 } })).toEqual([{ path: 'babyAgeMonths', message: 'min must not exceed max (months)' }])
  })

  it('refuses a website without its scheme', async () => {
    const id = await idOf('programmes', 'ny-mor-i-danmark')
    expect(await refused('programmes', id, { website: 'www.drc.ngo' })).toEqual([{ path: 'website', message: 'must be an http(s) URL' }])
  })

  it('refuses a slug a page of the site already has', async () => {
    const id = await idOf('activities', 'babymassage')
    expect(await refused('activities', id, { slug: 'plan' })).toEqual([{ path: 'slug', message: '"plan" is taken by a page of the site (reserved: plan)' }])
  })

  it('takes an unfinished draft, and the public document and the next export stay as they were', async () => {
    const id = await idOf('activities', 'babymassage')
    const published = await payload.findByID({ collection: 'activities', id, locale: 'da', depth: 0, overrideAccess: true })
    await payload.update({ collection: 'activities', id, locale: 'da', draft: true, overrideAccess: false, user: editor as never, data: { babyAgeMonths: { min: 12, max: 3 }, _status: 'draft' } })
    expect((await payload.findByID({ collection: 'activities', id, locale: 'da', depth: 0, overrideAccess: true })).babyAgeMonths).toEqual(published.babyAgeMonths)
    const { counts } = await exportContent(payload, out)
    expect(counts.activities).toBeGreaterThan(0)
  })

  it("previews the others' drafts while one is half-written: that one as published, or not at all, named in a warning", async () => {
    // The unfinished draft of the test above (min above max), and a new activity never published.
    await payload.create({
      collection: 'activities',
      locale: 'da',
      draft: true,
      overrideAccess: false,
      user: editor as never,
      data: { slug: 'halvfaerdig', title: 'Halvfærdig', _status: 'draft' } as never,
    })
    const preview = path.join(out, 'preview')
    const { warnings } = await exportContent(payload, preview, { drafts: true })
    expect(warnings).toContain('activities/babymassage: the latest draft cannot be previewed (babyAgeMonths: min must not exceed max (months)); the preview shows the published version')
    expect(warnings.find((w) => w.startsWith('activities/halvfaerdig:'))).toMatch(/the latest draft cannot be previewed \(.*\); the preview shows nothing of it$/)
    const { activities } = await loadContent(preview)
    expect(activities.find((a) => a.slug === 'babymassage')!.babyAgeMonths).toEqual({ min: 1, max: 8 })
    expect(activities.find((a) => a.slug === 'halvfaerdig')).toBeUndefined()
  })

  it('previews a draft that links to a never-published draft that cannot be shown: as published, named in a warning', async () => {
    // A new programme, half-written (a website without its scheme), and Aarhus's draft moved to it:
    // alone Aarhus's draft passes, but its programme is not in the preview, so it would not load.
    const programme = await payload.create({
      collection: 'programmes',
      locale: 'da',
      draft: true,
      overrideAccess: false,
      user: editor as never,
      data: { slug: 'nyt-program', name: 'Nyt program', website: 'www.example.org', _status: 'draft' } as never,
    })
    const aarhus = await idOf('municipalities', 'aarhus')
    await payload.update({
      collection: 'municipalities',
      id: aarhus,
      locale: 'da',
      draft: true,
      overrideAccess: false,
      user: editor as never,
      data: { programme: programme.id, _status: 'draft' } as never,
    })
    const preview = path.join(out, 'preview-linked')
    const { warnings } = await exportContent(payload, preview, { drafts: true })
    expect(warnings.find((w) => w.startsWith('programmes/nyt-program:'))).toMatch(/the preview shows nothing of it$/)
    expect(warnings.find((w) => w.startsWith('municipalities/aarhus: the latest draft'))).toMatch(/cannot be previewed \(programme: .*\); the preview shows the published version$/)
    const { municipalities } = await loadContent(preview)
    expect(municipalities.find((m) => m.slug === 'aarhus')!.programme).toBe('ny-mor-i-danmark')
  })
})
