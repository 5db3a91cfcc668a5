/**
 * A translator writes the text of her own languages and nothing else, on both databases: shared
 * values nested in groups and rows (an age range, a map position), the provenance the CMS keeps,
 * a version restore (which writes every language) and a publish of her language while someone
 * else's draft changes shared values. Each refusal names the field or says why.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContent } from '../../cms/sync/seed.ts'
import { databases, startTestCms, type TestCms, createStaff, type Staff, fieldsOf } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'

type Doc = Record<string, unknown> & { id: number | string }
type Refusal = { message: string; data?: { errors?: Array<{ path: string; message: string }> } }

describe.each(databases)('the translator guard on %s', (kind) => {
  let cms: TestCms
  let payload: Payload
  const users: Record<string, Staff> = {}
  const ids: Record<string, number | string> = {}
  const as = (role: string) => ({ overrideAccess: false, user: users[role] }) as const
  const stored = (collection: 'activities' | 'municipalities', locale = 'ar', draft = true) =>
    payload.findByID({ collection, id: ids[collection]!, locale: locale as 'ar', draft, depth: 0, overrideAccess: true }).then((d) => fieldsOf<Doc>(d))
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: Refusal) => e,
    )
  const paths = (e: Refusal | null) => (e?.data?.errors ?? []).map((x) => x.path).sort()

  beforeAll(async () => {
    cms = await startTestCms(kind, 'translator_guard')
    payload = cms.payload
    await seedContent(payload, repoContent)
    for (const [collection, slug] of [
      ['activities', 'babymassage'],
      ['municipalities', 'aarhus'],
    ] as const)
      ids[collection] = (await payload.find({ collection, where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!.id
    for (const [role, extra] of [
      ['editor', {}],
      ['translator', { translatorLocales: ['ar'] }],
    ] as const) {
      users[role] = await createStaff(payload, role, extra)
    }
  })
  afterAll(async () => cms?.close())

  it('saves her whole form, as the admin sends it, when only her text changed', async () => {
    for (const collection of ['activities', 'municipalities'] as const) {
      const doc = await stored(collection)
      const text = collection === 'activities' ? { title: 'تدليك الرضيع' } : { intro: 'مجموعة للأمهات الجدد في آرهوس.' }
      const saved = (await payload.update({ collection, id: doc.id, locale: 'ar', ...as('translator'), data: { ...doc, ...text } as never })) as unknown as Doc
      expect(saved).toMatchObject(text)
    }
  })

  it('refuses one end of an age range, inside a row of a group, naming it', async () => {
    const before = await stored('activities')
    const range = before.babyAgeMonths as { min: number; max: number }
    const e = await refusal(payload.update({ collection: 'activities', id: before.id, locale: 'ar', ...as('translator'), data: { babyAgeMonths: { ...range, min: range.min + 1 } } }))
    expect(paths(e)).toEqual(['babyAgeMonths.min'])
    expect(e!.data!.errors![0]!.message).toMatch(/only the text of her own languages/)
    expect((await stored('activities')).babyAgeMonths).toEqual(before.babyAgeMonths)
  })

  it("refuses the venue's map position but takes the directions in her language", async () => {
    const before = await stored('municipalities')
    const venue = before.venue as Record<string, unknown> & { geo: { lat: number; lng: number } }
    const e = await refusal(
      payload.update({ collection: 'municipalities', id: before.id, locale: 'ar', ...as('translator'), data: { venue: { ...venue, geo: { ...venue.geo, lat: venue.geo.lat + 0.01 } } } }),
    )
    expect(paths(e)).toEqual(['venue.geo.lat'])
    expect((await stored('municipalities')).venue).toEqual(before.venue)
    const saved = (await payload.update({
      collection: 'municipalities',
      id: before.id,
      locale: 'ar',
      ...as('translator'),
      data: { venue: { ...venue, directions: 'المدخل من الفناء.' } },
    })) as unknown as Doc
    expect((saved.venue as { directions: string }).directions).toBe('المدخل من الفناء.')
  })

  it('refuses a new row in a shared list', async () => {
    const before = await stored('municipalities')
    const schedule = before.schedule as { rounds?: Array<{ startDate?: string; endDate?: string }> }
    const rounds = [...(schedule.rounds ?? []), { startDate: '2030-01-07', endDate: '2030-03-25' }]
    const e = await refusal(payload.update({ collection: 'municipalities', id: before.id, locale: 'ar', ...as('translator'), data: { schedule: { ...schedule, rounds } } }))
    expect(paths(e)).toEqual(['schedule.rounds'])
  })

  it.each(['translator', 'editor'])('keeps the provenance the CMS derived when a %s sends her own', async (role) => {
    const before = await stored('activities', role === 'editor' ? 'da' : 'ar')
    await payload.update({
      collection: 'activities',
      id: before.id,
      locale: role === 'editor' ? 'da' : 'ar',
      ...as(role),
      data: { sourceHashes: { title: 'forged', summary: 'forged' }, sourceUpdated: { title: '2000-01-01' } } as never,
    })
    const after = await stored('activities', role === 'editor' ? 'da' : 'ar')
    expect(after.sourceHashes).toEqual(before.sourceHashes)
    expect(after.sourceUpdated).toEqual(before.sourceUpdated)
  })

  it('refuses her a version restore, which would write every language; an editor may', async () => {
    const id = ids.activities!
    const danish = (await stored('activities', 'da')).title
    await payload.update({ collection: 'activities', id, locale: 'da', ...as('editor'), data: { title: 'Babymassage for alle', _status: 'published' } })
    const { docs } = await payload.findVersions({ collection: 'activities', where: { parent: { equals: id } }, sort: '-updatedAt', locale: 'da', overrideAccess: true, limit: 10 })
    const older = docs.find((v) => (v.version as { title?: string }).title === danish)!
    expect(older).toBeDefined()
    // In her language, where Payload's access check lets her through.
    const e = await refusal(payload.restoreVersion({ collection: 'activities', id: older.id, locale: 'ar', ...as('translator') }))
    expect(e?.message).toMatch(/cannot restore a version: a version holds every language/)
    expect((await stored('activities', 'da')).title).toBe('Babymassage for alle')
    await payload.restoreVersion({ collection: 'activities', id: older.id, ...as('editor') })
    expect((await stored('activities', 'da')).title).toBe(danish)
  })

  it("will not publish an editor's unpublished shared value with her language; her draft keeps both", async () => {
    const id = ids.activities!
    const published = () => stored('activities', 'ar', false)
    const before = await published()
    await payload.update({ collection: 'activities', id, locale: 'da', draft: true, ...as('editor'), data: { durationMinutes: Number(before.durationMinutes) + 15, _status: 'draft' } })
    // Her form as the admin fills it: the latest Arabic, every field included.
    const form = { ...(await stored('activities', 'ar')), title: 'تدليك الرضع' }
    const e = await refusal(payload.update({ collection: 'activities', id, locale: 'ar', ...as('translator'), data: { ...form, _status: 'published' } as never }))
    expect(e?.message).toMatch(/unpublished draft changes durationMinutes, which every language shares/)
    expect(await published()).toEqual(before)
    await payload.update({ collection: 'activities', id, locale: 'ar', draft: true, ...as('translator'), data: { ...form, _status: 'draft' } as never })
    expect(await published()).toEqual(before)
    const latest = (await payload.findByID({ collection: 'activities', id, locale: 'all', draft: true, depth: 0, overrideAccess: true })) as unknown as Record<string, Record<string, unknown>>
    expect(latest.durationMinutes).toBe(Number(before.durationMinutes) + 15)
    expect(latest.title!.ar).toBe('تدليك الرضع')
  })
})
