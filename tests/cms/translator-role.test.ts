/**
 * Two rules of the translator's role asked through the Local API, on both databases, where the
 * whole stored document can be read back: which shared fields a refusal names, and what one
 * language's publish leaves of the others. The full matrix of who may do what is asked over HTTP
 * in tests/http/role-matrix.test.ts.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContent } from '../../cms/sync/seed.ts'
import { databases, startTestCms, type TestCms, createStaff, type Staff, fieldsOf } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'

type Role = 'editor' | 'translator'

describe.each(databases)('the translator role on %s', (kind) => {
  let cms: TestCms
  let payload: Payload
  const users: Partial<Record<Role, Staff>> = {}
  const ids: Record<string, number | string> = {}

  const as = (role: Role) => ({ overrideAccess: false, user: users[role] }) as const

  beforeAll(async () => {
    cms = await startTestCms(kind, 'matrix')
    payload = cms.payload
    await seedContent(payload, repoContent)
    ids['activities/own'] = (await payload.find({ collection: 'activities', where: { slug: { equals: 'babymassage' } }, overrideAccess: true, limit: 1 })).docs[0]!.id
    users.editor = await createStaff(payload, 'editor')
    users.translator = await createStaff(payload, 'translator', { translatorLocales: ['ar'] })
  })
  afterAll(async () => cms?.close())

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
