/**
 * The publish's export writes only what changed since the last one (cms/sync/exportChanges.ts):
 * after every kind of change an editor or translator makes, that export and a whole one from
 * the same database must be the same tree, byte for byte, on both databases. Where a change can
 * reach files that were not saved (a slug, a deletion, an image), the export must be whole.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentKinds } from '../../content/collections.ts'
import { exportContent } from '../../cms/sync/export.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { databases, startTestCms, type TestCms } from '../support/cms.ts'
import { readTree, repoContent } from '../support/content.ts'

/** What the publish's export must do after the change, and (`draft`) what the preview's must. */
type Expected = { whole: boolean; written?: number }
type Change = Expected & { what: string; draft: Expected; apply: (payload: Payload, dirs: string[]) => Promise<unknown> }

async function idOf(payload: Payload, collection: CollectionSlug, slug: string): Promise<number> {
  const { docs } = await payload.find({ collection, where: { slug: { equals: slug } }, overrideAccess: true, depth: 0 })
  return docs[0]!.id as number
}

const update = async (payload: Payload, collection: CollectionSlug, slug: string, locale: string, data: Record<string, unknown>, draft = false) =>
  payload.update({ collection, id: await idOf(payload, collection, slug), locale: locale as 'da', draft, overrideAccess: true, data: data as never })

/** A copy of babymassage under another slug, without any row's id (those belong to the original). */
async function copyActivity(payload: Payload, slug: string, status: 'published' | 'draft') {
  const { docs } = await payload.find({ collection: 'activities', where: { slug: { equals: 'babymassage' } }, overrideAccess: true, depth: 0, locale: 'da' })
  const copy = JSON.parse(JSON.stringify(docs[0], (k, v) => (['id', 'createdAt', 'updatedAt'].includes(k) ? undefined : v)))
  await payload.create({ collection: 'activities', locale: 'da', draft: status === 'draft', overrideAccess: true, depth: 0, data: { ...copy, slug, title: `Babymassage (${slug})`, _status: status } })
}

const changes: Change[] = [
  { what: 'nothing', whole: false, written: 0, draft: { whole: false, written: 0 }, apply: async () => {} },
  {
    what: "an activity's Danish title",
    whole: false,
    written: 1,
    draft: { whole: false, written: 1 },
    apply: (p) => update(p, 'activities', 'babymassage', 'da', { title: 'Babymassage med olie', _status: 'published' }),
  },
  {
    what: 'an Arabic translation published',
    whole: false,
    written: 1,
    draft: { whole: false, written: 1 },
    apply: (p) => update(p, 'activities', 'babymassage', 'ar', { title: 'تدليك الرضيع بالزيت', _status: 'published' }),
  },
  {
    what: 'a Danish draft saved (nothing public)',
    whole: false,
    written: 0,
    draft: { whole: false, written: 1 },
    apply: (p) => update(p, 'activities', 'babymassage', 'da', { title: 'Kladde', _status: 'draft' }, true),
  },
  { what: 'Arabic unpublished', whole: false, written: 1, draft: { whole: false, written: 1 }, apply: (p) => update(p, 'activities', 'babymassage', 'ar', { _status: 'draft' }) },
  {
    what: 'a facet value and a shared number',
    whole: false,
    written: 1,
    draft: { whole: false, written: 1 },
    apply: (p) => update(p, 'activities', 'babymassage', 'da', { themes: ['body'], durationMinutes: 50, _status: 'published' }),
  },
  {
    what: "a guide's Danish title",
    whole: false,
    written: 1,
    draft: { whole: false, written: 1 },
    apply: (p) => update(p, 'guides', 'body-after-birth', 'da', { title: 'Kroppen efter fødslen', _status: 'published' }),
  },
  {
    what: "a municipality's intro",
    whole: false,
    written: 1,
    draft: { whole: false, written: 1 },
    apply: (p) => update(p, 'municipalities', 'aarhus', 'da', { intro: 'Mødregruppen i Tilst mødes hver uge.', _status: 'published' }),
  },
  {
    what: "the film's description",
    whole: false,
    written: 1,
    draft: { whole: false, written: 1 },
    apply: (p) => update(p, 'films', 'om-moedregrupperne', 'da', { description: 'En kort film om mødregrupperne.', _status: 'published' }),
  },
  { what: 'a new activity published', whole: false, written: 1, draft: { whole: false, written: 1 }, apply: (p) => copyActivity(p, 'babymassage-2', 'published') },
  { what: "a guide's slug (others link to it)", whole: true, draft: { whole: true }, apply: (p) => update(p, 'guides', 'body-after-birth', 'da', { slug: 'kroppen' }) },
  {
    what: 'a published activity deleted',
    whole: true,
    draft: { whole: true },
    apply: async (p) => p.delete({ collection: 'activities', id: await idOf(p, 'activities', 'babymassage-2'), overrideAccess: true }),
  },
  { what: 'a new activity saved as a draft only', whole: false, written: 0, draft: { whole: false, written: 1 }, apply: (p) => copyActivity(p, 'babymassage-3', 'draft') },
  {
    what: 'that draft deleted',
    whole: false,
    written: 0,
    draft: { whole: true },
    apply: async (p) => p.delete({ collection: 'activities', id: await idOf(p, 'activities', 'babymassage-3'), overrideAccess: true }),
  },
  { what: 'an activity unpublished in Danish', whole: true, draft: { whole: false, written: 1 }, apply: (p) => update(p, 'activities', 'babymassage', 'da', { _status: 'draft' }) },
  { what: 'it is published again', whole: true, draft: { whole: false, written: 1 }, apply: (p) => update(p, 'activities', 'babymassage', 'da', { _status: 'published' }) },
  { what: "an image's text", whole: true, draft: { whole: true }, apply: (p) => update(p, 'media', 'film-plakat', 'da', { alt: 'Tegning af mødre med deres babyer' }) },
  {
    what: 'an exported file changed by someone else',
    whole: true,
    draft: { whole: true },
    apply: (_p, dirs) => Promise.all(dirs.map((dir) => writeFile(path.join(dir, 'activities', 'babymassage.yaml'), 'slug: babymassage\n'))),
  },
  // The preview shows a draft that cannot be shown as it is as published, with a note: only the
  // whole export judges that, also at the next export after it.
  {
    what: 'a half-written draft',
    whole: false,
    written: 0,
    draft: { whole: true },
    apply: (p) => update(p, 'activities', 'babymassage', 'da', { babyAgeMonths: { min: 12, max: 3 }, _status: 'draft' }, true),
  },
  { what: 'nothing, after the half-written draft', whole: false, written: 0, draft: { whole: true }, apply: async () => {} },
  {
    what: 'the draft mended',
    whole: false,
    written: 0,
    draft: { whole: true },
    apply: (p) => update(p, 'activities', 'babymassage', 'da', { babyAgeMonths: { min: 1, max: 8 }, _status: 'draft' }, true),
  },
  { what: 'nothing, after the mended draft', whole: false, written: 0, draft: { whole: false, written: 0 }, apply: async () => {} },
]

describe.each(databases)('the export of changes only, on %s', (kind) => {
  let cms: TestCms
  let work: string

  beforeAll(async () => {
    cms = await startTestCms(kind, 'export_changes')
    work = await mkdtemp(path.join(tmpdir(), 'modersmal-export-changes-'))
    await seedContent(cms.payload, repoContent)
  })
  afterAll(async () => {
    await cms?.close()
    await rm(work, { recursive: true, force: true })
  })

  it('equals a whole export after every kind of change, and is whole where it must be, for the publish and the preview', async () => {
    const modes = [
      { drafts: false, dir: path.join(work, 'changed'), expected: (c: Change): Expected => c },
      { drafts: true, dir: path.join(work, 'preview'), expected: (c: Change): Expected => c.draft },
    ]
    for (const mode of modes) expect((await exportContent(cms.payload, mode.dir, { drafts: mode.drafts })).whole).toBe(true)
    for (const change of changes) {
      await change.apply(
        cms.payload,
        modes.map((m) => m.dir),
      )
      for (const mode of modes) {
        const what = `${change.what} (${mode.drafts ? 'preview' : 'publish'})`
        const result = await exportContent(cms.payload, mode.dir, { drafts: mode.drafts })
        const whole = path.join(work, 'whole')
        await rm(whole, { recursive: true, force: true })
        const wholeResult = await exportContent(cms.payload, whole, { drafts: mode.drafts, whole: true })
        const expected = await readTree(whole, [...contentKinds])
        const actual = await readTree(mode.dir, [...contentKinds])
        expect([...actual.keys()].sort(), what).toEqual([...expected.keys()].sort())
        for (const [file, bytes] of expected) expect(actual.get(file)?.toString('utf8'), `${what}: ${file}`).toBe(bytes.toString('utf8'))
        // The preview's notes name every draft it could not show, whichever way it was exported.
        expect(
          result.warnings.filter((w) => w.includes('cannot be previewed')),
          what,
        ).toEqual(wholeResult.warnings.filter((w) => w.includes('cannot be previewed')))
        const { whole: wasWhole, written } = mode.expected(change)
        expect({ what, whole: result.whole }).toEqual({ what, whole: wasWhole })
        if (written !== undefined) expect(result.written, what).toBe(written)
      }
    }
  })

  it('leaves content/ and the next export as they were when the database is gone mid-way', async () => {
    const dir = path.join(work, 'failing')
    await exportContent(cms.payload, dir)
    const before = await readTree(dir, [...contentKinds])
    await update(cms.payload, 'activities', 'babymassage', 'da', { title: 'Babymassage i ro', _status: 'published' })
    const find = cms.payload.find.bind(cms.payload)
    let calls = 0
    // The second read of a collection fails, as a dropped connection would.
    cms.payload.find = (async (args: Parameters<Payload['find']>[0]) => {
      if (++calls === 2) throw new Error('connection lost')
      return find(args)
    }) as Payload['find']
    try {
      await expect(exportContent(cms.payload, dir)).rejects.toThrow('connection lost')
    } finally {
      cms.payload.find = find
    }
    expect(await readTree(dir, [...contentKinds])).toEqual(before)
    // The failed export left no memory of itself: the next one is whole, and right.
    const next = await exportContent(cms.payload, dir)
    expect(next.whole).toBe(true)
    expect((await readTree(dir, ['activities'])).get('activities/babymassage.yaml')?.toString('utf8')).toContain('Babymassage i ro')
  })
})
