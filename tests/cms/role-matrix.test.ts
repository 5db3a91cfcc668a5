/**
 * Every role × collection × operation × locale that matters, on both databases, through Payload's
 * access control (overrideAccess: false) as the admin and the REST API use it. The expected
 * outcome of each case comes from one table of rules (`allowed` below), so the matrix reads as the
 * policy it tests.
 */
import { localOfferKinds } from '../../content/schema/vocabulary.ts'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mediaFilesDir } from '../../content/load.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { databases, startTestCms, type TestCms, createStaff, type Staff, fieldsOf } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'
import { makeVideo } from '../support/video.ts'

type Role = 'anonymous' | 'admin' | 'editor' | 'translator' | 'coordinator'
type Op = 'read' | 'read draft' | 'update text da' | 'update text ar' | 'update text so' | 'update shared field' | 'create' | 'delete'
type Which = 'own' | 'other'

const roles: Role[] = ['anonymous', 'admin', 'editor', 'translator', 'coordinator']
const ops: Op[] = ['read', 'read draft', 'update text da', 'update text ar', 'update text so', 'update shared field', 'create', 'delete']

/** Per collection: a localized text field, a non-localized field with a new valid value each time, and the document used. */
const collections: Record<string, { text: string; shared: [string, (n: number) => unknown]; slug: string; other?: string }> = {
  programmes: { text: 'name', shared: ['organisation', (n) => `Organisation ${n}`], slug: 'ny-mor-i-danmark' },
  municipalities: { text: 'intro', shared: ['area', (n) => `Område ${n}`], slug: 'aarhus', other: 'vejle' },
  activities: { text: 'summary', shared: ['durationMinutes', (n) => 30 + (n % 60)], slug: 'babymassage' },
  // Not the review claim: its day and reviewer go together, so one of them alone is refused for everyone.
  guides: { text: 'summary', shared: ['relatedOfferKinds', (n) => [localOfferKinds[n % localOfferKinds.length]]], slug: 'breastfeeding' },
  films: { text: 'description', shared: ['durationSeconds', (n) => 60 + n], slug: 'om-moedregrupperne' },
  leaflets: { text: 'headline', shared: ['slug', (n) => `ny-mor-i-danmark-${n}`], slug: 'ny-mor-i-danmark' },
  media: { text: 'alt', shared: ['slug', (n) => `mor-og-baby-${n}`], slug: 'mor-og-baby' },
}

/** The policy. */
function allowed(role: Role, op: Op, collection: string, which: Which): boolean {
  // Uploads are for the staff; the site serves its own copies of them.
  if (op === 'read') return role !== 'anonymous' || !['media', 'videos'].includes(collection)
  if (op === 'read draft') return role !== 'anonymous'
  if (role === 'admin' || role === 'editor') return true
  if (role === 'anonymous') return false
  if (role === 'coordinator') return collection === 'municipalities' && which === 'own' && op.startsWith('update')
  // translator for Arabic: Arabic text only
  return op === 'update text ar'
}

/** Film videos have no text and no drafts: reading, uploading, replacing the file (the shared value) and deleting. */
const videoOps: Op[] = ['read', 'update shared field', 'create', 'delete']

const cases = [
  ...roles.flatMap((role) => videoOps.map((op) => ({ collection: 'videos', which: 'own' as Which, role, op, expected: allowed(role, op, 'videos', 'own') }))),
  ...Object.keys(collections).flatMap((collection) =>
    (['own', 'other'] as Which[])
      .filter((which) => which === 'own' || collections[collection]!.other)
      .flatMap((which) =>
        roles.flatMap((role) =>
          ops
            .filter((op) => !(op === 'read draft' && collection === 'media')) // media has no drafts
            .filter((op) => which === 'own' || op.startsWith('update'))
            .map((op) => ({ collection, which, role, op, expected: allowed(role, op, collection, which) })),
        ),
      ),
  ),
]

/** Removes ids of array rows and Payload's own fields from a stored document, to create a copy. */
function copyable(doc: Record<string, unknown>): Record<string, unknown> {
  const strip = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(strip)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => k !== 'id')
              .map(([k, x]) => [k, strip(x)]),
          )
        : v
  const { id: _id, createdAt: _c, updatedAt: _u, _status: _s, formerSlugs: _f, sourceHashes: _h, sourceUpdated: _su, ...rest } = doc
  return strip(rest) as Record<string, unknown>
}

describe.each(databases)('role matrix on %s', (kind) => {
  let cms: TestCms
  let payload: Payload
  const users: Partial<Record<Role, Staff>> = {}
  const templates: Record<string, Record<string, unknown>> = {}
  const ids: Record<string, number | string> = {}
  let counter = 0

  const as = (role: Role) => ({ overrideAccess: false, ...(users[role] ? { user: users[role] } : {}) }) as const
  const idOf = async (collection: string, slug: string) =>
    (await payload.find({ collection: collection as CollectionSlug, where: { slug: { equals: slug } }, overrideAccess: true, limit: 1 })).docs[0]!.id

  /** A new, valid document of the collection (a copy of the template with unique keys). */
  function freshData(collection: string): Record<string, unknown> {
    const n = ++counter
    const data: Record<string, unknown> = { ...templates[collection]!, slug: `matrix-${collection}-${n}` }
    if (collection === 'municipalities') data.shortCode = `MX${n}`
    return data
  }
  const filePath = path.join(mediaFilesDir(repoContent), 'mor-og-baby.png')
  const video = makeVideo('mp4')
  const videoFile = () => ({ file: { name: `film-${++counter}.mp4`, mimetype: 'video/mp4', data: video, size: video.length } })
  const create = (collection: string, options: object) =>
    collection === 'videos'
      ? payload.create({ collection: 'videos', data: {}, ...videoFile(), ...options })
      : payload.create({ collection: collection as CollectionSlug, locale: 'da', data: freshData(collection) as never, ...(collection === 'media' ? { filePath } : {}), ...options })

  beforeAll(async () => {
    cms = await startTestCms(kind, 'matrix')
    payload = cms.payload
    await seedContent(payload, repoContent)
    // Guide topics are unique and all taken: free two, for the draft and for the copies the cases create.
    for (const topic of ['screen-time', 'danish-traditions']) await payload.delete({ collection: 'guides', where: { topic: { equals: topic } }, overrideAccess: true })
    for (const [collection, c] of Object.entries(collections)) {
      ids[`${collection}/own`] = await idOf(collection, c.slug)
      if (c.other) ids[`${collection}/other`] = await idOf(collection, c.other)
      templates[collection] = copyable(fieldsOf(await payload.findByID({ collection: collection as CollectionSlug, id: ids[`${collection}/own`]!, locale: 'da', depth: 0, overrideAccess: true })))
      if (collection === 'guides') templates.guides!.topic = 'screen-time'
      // A document nobody outside the staff may see.
      if (collection !== 'media') await create(collection, { overrideAccess: true, draft: true, data: { ...freshData(collection), slug: `kladde-${collection}`, _status: 'draft' } })
      if (collection === 'guides') templates.guides!.topic = 'danish-traditions'
    }
    ids['videos/own'] = (await create('videos', { overrideAccess: true })).id
    const aarhus = ids['municipalities/own']!
    for (const [role, extra] of [
      ['admin', {}],
      ['editor', {}],
      ['translator', { translatorLocales: ['ar'] }],
      ['coordinator', { municipality: aarhus }],
    ] as const) {
      users[role] = await createStaff(payload, role, extra)
    }
  })
  afterAll(async () => cms?.close())

  async function attempt(c: (typeof cases)[number]): Promise<void> {
    const { collection, which, role, op } = c
    const slug = collection as CollectionSlug
    const id = ids[`${collection}/${which}`]!
    const conf = collections[collection]!
    switch (op) {
      case 'read': {
        const { docs } = await payload.find({ collection: slug, ...as(role), locale: 'da', where: { id: { equals: id } } })
        if (docs.length !== 1) throw new Error('not found')
        return
      }
      case 'read draft': {
        const { docs } = await payload.find({ collection: slug, ...as(role), draft: true, where: { slug: { equals: `kladde-${collection}` } } })
        if (docs.length !== 1) throw new Error('not visible')
        return
      }
      case 'update text da':
      case 'update text ar':
      case 'update text so': {
        const locale = op.slice(-2) as 'da'
        await payload.update({ collection: slug, id, locale, ...as(role), data: { [conf.text]: `${role} ${locale} ${++counter}` } as never })
        return
      }
      case 'update shared field': {
        if (collection === 'videos') {
          await payload.update({ collection: 'videos', id, data: {}, ...videoFile(), ...as(role) })
          return
        }
        // In Arabic: the locale a translator may write, so only the field rule can refuse her.
        const value = conf.shared[1](++counter)
        await payload.update({ collection: slug, id, locale: 'ar', ...as(role), data: { [conf.shared[0]]: value } as never })
        return
      }
      case 'create': {
        const doc = await create(collection, as(role))
        // Free unique keys (a guide's topic) for the next case.
        await payload.delete({ collection: slug, id: doc.id, overrideAccess: true })
        return
      }
      case 'delete': {
        const doc = await create(collection, { overrideAccess: true })
        try {
          await payload.delete({ collection: slug, id: doc.id, ...as(role) })
        } finally {
          await payload.delete({ collection: slug, where: { id: { equals: doc.id } }, overrideAccess: true })
        }
        return
      }
    }
  }

  it.each(cases)('$role: $op on $collection ($which) → allowed: $expected', async (c) => {
    const outcome = await attempt(c).then(
      () => true,
      (e: Error) => {
        // A refusal, not a broken test: Payload's access and validation errors only.
        expect(e.name, e.message).toMatch(/Forbidden|ValidationError|APIError|NotFound|Error/)
        return false
      },
    )
    expect(outcome).toBe(c.expected)
  })

  it('has more than 200 cases per database', () => {
    expect(cases.length).toBeGreaterThan(200)
  })

  it('tells a translator which shared fields she may not change, and why', async () => {
    const error = await payload
      .update({ collection: 'activities', id: ids['activities/own']!, locale: 'ar', ...as('translator'), data: { durationMinutes: 50, themes: ['health'] } })
      .catch((e: { data?: { errors?: Array<{ path: string; message: string }> } }) => e)
    const errors = (error as { data?: { errors?: Array<{ path: string; message: string }> } }).data?.errors ?? []
    expect(errors.map((e) => e.path).sort()).toEqual(['durationMinutes', 'themes'])
    expect(errors[0]!.message).toMatch(/only the text of her own languages/)
  })

  it('publishing Arabic publishes only the Arabic: Danish and Somali drafts stay unpublished', async () => {
    const id = ids['activities/own']!
    const published = () =>
      payload.findByID({ collection: 'activities', id, locale: 'all', draft: false, depth: 0, overrideAccess: true }).then((d) => fieldsOf<Record<string, Record<string, unknown>>>(d))
    const before = await published()
    await payload.update({ collection: 'activities', id, locale: 'da', draft: true, ...as('editor'), data: { title: 'Kladde: babymassage', _status: 'draft' } })
    await payload.update({ collection: 'activities', id, locale: 'so', draft: true, ...as('editor'), data: { title: 'Qabyo: duugista ilmaha', _status: 'draft' } })
    const doc = await payload.update({ collection: 'activities', id, locale: 'ar', ...as('translator'), data: { title: 'تدليك الطفل', _status: 'published' } })
    expect(doc.title).toBe('تدليك الطفل')
    const after = await published()
    expect(after.title!.ar).toBe('تدليك الطفل')
    expect(after.title!.da).toBe(before.title!.da)
    expect(after.title!.so).toBe(before.title!.so)
    expect(after._status!.ar).toBe('published')
    expect(after._status!.so).not.toBe('published')
    // The drafts are kept, for their authors to finish.
    const latest = fieldsOf<Record<string, Record<string, unknown>>>(await payload.findByID({ collection: 'activities', id, locale: 'all', draft: true, depth: 0, overrideAccess: true }))
    expect(latest.title!.da).toBe('Kladde: babymassage')
    expect(latest.title!.so).toBe('Qabyo: duugista ilmaha')
  })
})
