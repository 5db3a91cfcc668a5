/**
 * Referrals asked of the admin's production server over HTTP, on both databases: the inbox of a
 * municipality shows its coordinators the mother's name and phone, shows nobody else anything, and
 * refuses what it must with the reason (the production bundle once lost field errors).
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContent } from '../../cms/sync/seed.ts'
import { createStaff, databases } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'
import { startHttpAdmin, type Client, type HttpAdmin } from '../support/http-admin.ts'

const password = 'test-password-1'

describe.each(databases)('referrals over HTTP on %s', (kind) => {
  let admin: HttpAdmin
  const clients: Record<string, Client> = {}
  const ids: Record<string, number | string> = {}
  const referral = () => ({ firstName: 'Selam', phone: '+45 52 61 70 89', language: 'ti', municipality: ids.aarhus, consent: true, source: 'health-visitor' })

  beforeAll(async () => {
    admin = await startHttpAdmin(kind, 'referrals', async (payload: Payload) => {
      await seedContent(payload, repoContent)
      const idOf = async (slug: string) => (await payload.find({ collection: 'municipalities', where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!.id
      ids.aarhus = await idOf('aarhus')
      ids.aalborg = await idOf('aalborg')
      await createStaff(payload, 'admin')
      await createStaff(payload, 'editor')
      await createStaff(payload, 'translator', { translatorLocales: ['ti'] })
      await createStaff(payload, 'coordinator', { municipality: ids.aarhus }, 'aarhus@example.org')
      await createStaff(payload, 'coordinator', { municipality: ids.aalborg }, 'aalborg@example.org')
    })
    for (const who of ['admin', 'editor', 'translator', 'aarhus', 'aalborg']) clients[who] = await admin.signIn(`${who}@example.org`, password)
    clients.anonymous = admin.anonymous
    const a = await clients.aarhus!.request('POST', '/api/referrals', { json: referral() })
    expect(a.status, a.text).toBe(201)
    ids.selam = a.json<{ doc: { id: number } }>().doc.id
  })
  afterAll(async () => admin?.stop())

  it('shows the coordinators of her municipality and the admins her name and phone', async () => {
    for (const who of ['aarhus', 'admin']) {
      const a = await clients[who]!.request('GET', '/api/referrals?depth=0')
      expect(a.status, a.text).toBe(200)
      expect(a.json<{ docs: Array<{ firstName: string; phone: string }> }>().docs.map((d) => [d.firstName, d.phone])).toEqual([['Selam', '+45 52 61 70 89']])
    }
  })

  it.each([
    ['aalborg', 'list', 200, /"totalDocs":0/],
    ['aalborg', 'by id', 404, /Not Found/i],
    ['editor', 'list', 403, /not allowed/i],
    ['translator', 'list', 403, /not allowed/i],
    ['anonymous', 'list', 403, /not allowed/i],
    ['anonymous', 'by id', 403, /not allowed/i],
  ] as const)('shows %s nothing (%s): %i', async (who, how, status, said) => {
    const a = await clients[who]!.request('GET', how === 'list' ? '/api/referrals?depth=0' : `/api/referrals/${ids.selam}?depth=0`)
    expect(a.status, a.text).toBe(status)
    expect(a.text).toMatch(said)
    expect(a.text).not.toMatch(/Selam|52 61 70 89/)
  })

  it.each([
    ['anonymous', 'a referral without signing in', () => referral(), 403, /not allowed/i],
    ['editor', 'a referral as an editor', () => referral(), 403, /not allowed/i],
    ['aarhus', 'a referral for another municipality', () => ({ ...referral(), municipality: ids.aalborg }), 403, /own municipality only/],
    ['aarhus', 'a phone number of four digits', () => ({ ...referral(), phone: '1234' }), 400, /phone: must be a phone number: 8 digits, or \+ and the country code/],
    ['aarhus', 'a referral without her yes', () => ({ ...referral(), consent: false }), 400, /consent: she must have said yes to being called/],
    ['aarhus', 'a language we do not have', () => ({ ...referral(), language: 'xx' }), 400, /language/],
  ] as const)('%s: refuses %s, saying why', async (who, _what, body, status, said) => {
    const a = await clients[who]!.request('POST', '/api/referrals', { json: body() })
    expect(a.status, a.text).toBe(status)
    expect(a.said).toMatch(said)
  })

  it('refuses a search by phone number, saying why, and finds by status', async () => {
    const a = await clients.aarhus!.request('GET', '/api/referrals?where[phone][like]=52')
    expect(a.status, a.text).toBe(400)
    expect(a.said).toBe('Referrals cannot be searched or sorted by phone: they are encrypted.')
    const b = await clients.aarhus!.request('GET', '/api/referrals?where[status][equals]=new&depth=0')
    expect(b.json<{ totalDocs: number }>().totalDocs).toBe(1)
  })

  it('lets her municipality move it on, and nobody else', async () => {
    const refused = await clients.aalborg!.request('PATCH', `/api/referrals/${ids.selam}`, { json: { status: 'contacted' } })
    expect(refused.status, refused.text).toBe(403)
    expect(refused.said).toMatch(/not allowed/i)
    const moved = await clients.aarhus!.request('PATCH', `/api/referrals/${ids.selam}?depth=0`, { json: { status: 'contacted' } })
    expect(moved.status, moved.text).toBe(200)
    const doc = moved.json<{ doc: { status: string; takenAt: string | null; firstName: string } }>().doc
    expect([doc.status, Boolean(doc.takenAt), doc.firstName]).toEqual(['contacted', true, 'Selam'])
  })
})
