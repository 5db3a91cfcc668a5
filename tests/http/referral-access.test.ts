/**
 * Who may see or touch a referral, as a matrix over the admin's production server on both
 * databases: every person (admin, the coordinators of her municipality and of another, an editor,
 * a translator, anonymous, the health visitor who referred her, another of the same municipality,
 * one of another) × every way of asking (list, by id, depth, locale=all, draft=true, count,
 * versions, filters and sorts on the encrypted fields, update one and many, delete, create, the
 * export on her request). Each case names its answer: the status, which referrals come back, and
 * whether her name and number are in it. Anything else, including an error of another kind, fails.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContent } from '../../cms/sync/seed.ts'
import { databases, staffOfTwoInboxes } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'
import { startHttpAdmin, type Client, type HttpAdmin } from '../support/http-admin.ts'

const password = 'test-password-1'
const actors = ['admin', 'aarhus', 'aalborg', 'editor', 'translator', 'anonymous', 'hanne', 'birgit', 'carla'] as const
type Actor = (typeof actors)[number]
/** A: Aarhus, referred by Hanne; B: Aalborg, made by its coordinator. */
type Ref = 'A' | 'B'
const her = /Selam|52 ?61 ?70 ?89|Amal|31 ?22 ?45 ?67/

interface Expected {
  status: number
  /** The referrals in the answer (a list, a count, a document). */
  sees?: Ref[]
  /** Her first name and phone are in it (else: nowhere in the answer). */
  names?: boolean
  /** What the refusal says. */
  said?: RegExp
}

const notAllowed = { status: 403, said: /not allowed/i }
const readers = (admin: Ref[], aarhus: Ref[], aalborg: Ref[], hanne: Ref[], names = true): Record<Actor, Expected> => ({
  admin: { status: 200, sees: admin, names },
  aarhus: { status: 200, sees: aarhus, names: names && aarhus.length > 0 },
  aalborg: { status: 200, sees: aalborg, names: names && aalborg.length > 0 },
  editor: notAllowed,
  translator: notAllowed,
  anonymous: notAllowed,
  hanne: { status: 200, sees: hanne, names: false },
  birgit: { status: 200, sees: [], names: false },
  carla: { status: 200, sees: [], names: false },
})
const byIdA: Record<Actor, Expected> = {
  ...readers(['A'], ['A'], [], ['A']),
  aalborg: { status: 404, said: /Not Found/i },
  birgit: { status: 404, said: /Not Found/i },
  carla: { status: 404, said: /Not Found/i },
}
const sealedSearch = (field: string): Record<Actor, Expected> => {
  const refused = { status: 400, said: new RegExp(`cannot be searched or sorted by ${field}: they are encrypted`) }
  return Object.fromEntries(actors.map((a) => [a, refused])) as Record<Actor, Expected>
}
const onlyStaffOfA = (ok: number, other: Expected): Record<Actor, Expected> => ({
  admin: { status: ok, names: true },
  aarhus: { status: ok, names: true },
  aalborg: other,
  editor: notAllowed,
  translator: notAllowed,
  anonymous: notAllowed,
  hanne: notAllowed,
  birgit: notAllowed,
  carla: notAllowed,
})

interface Ask {
  method: string
  path: (ids: Record<Ref, number | string>) => string
  json?: () => unknown
}
const reads: Array<[string, Ask, Record<Actor, Expected>]> = [
  ['the list', { method: 'GET', path: () => '/api/referrals?depth=0' }, readers(['A', 'B'], ['A'], ['B'], ['A'])],
  ['the list, depth 2', { method: 'GET', path: () => '/api/referrals?depth=2' }, readers(['A', 'B'], ['A'], ['B'], ['A'])],
  ['the list, every language', { method: 'GET', path: () => '/api/referrals?depth=0&locale=all' }, readers(['A', 'B'], ['A'], ['B'], ['A'])],
  ['the list, drafts', { method: 'GET', path: () => '/api/referrals?depth=0&draft=true' }, readers(['A', 'B'], ['A'], ['B'], ['A'])],
  ['the count', { method: 'GET', path: () => '/api/referrals/count' }, readers(['A', 'B'], ['A'], ['B'], ['A'], false)],
  ['A by id', { method: 'GET', path: (r) => `/api/referrals/${r.A}?depth=0` }, byIdA],
  ['A by id, depth 2', { method: 'GET', path: (r) => `/api/referrals/${r.A}?depth=2` }, byIdA],
  ['A by id, every language, drafts', { method: 'GET', path: (r) => `/api/referrals/${r.A}?depth=1&locale=all&draft=true` }, byIdA],
  ['a filter on her first name', { method: 'GET', path: () => '/api/referrals?where[firstName][equals]=Selam' }, sealedSearch('firstName')],
  ['a "like" probe on her phone', { method: 'GET', path: () => '/api/referrals?where[or][0][phone][like]=52' }, sealedSearch('phone')],
  ['a sort by her note', { method: 'GET', path: () => '/api/referrals?sort=-note' }, sealedSearch('note')],
  // Referrals keep no versions: nobody may ask for them.
  ['versions', { method: 'GET', path: () => '/api/referrals/versions' }, Object.fromEntries(actors.map((a) => [a, notAllowed])) as Record<Actor, Expected>],
  ['a version by id', { method: 'GET', path: (r) => `/api/referrals/versions/${r.A}` }, Object.fromEntries(actors.map((a) => [a, notAllowed])) as Record<Actor, Expected>],
  [
    'A by a word for an id',
    { method: 'GET', path: () => '/api/referrals/newest' },
    {
      ...(Object.fromEntries(actors.map((a) => [a, { status: 404, said: /There is no referrals "newest": ids are whole numbers/ }])) as Record<Actor, Expected>),
    },
  ],
]
const writes: Array<[string, Ask, Record<Actor, Expected>]> = [
  ['moving A on', { method: 'PATCH', path: (r) => `/api/referrals/${r.A}?depth=0`, json: () => ({ status: 'contacted' }) }, onlyStaffOfA(200, notAllowed)],
  [
    'moving many at once',
    { method: 'PATCH', path: (r) => `/api/referrals?depth=0&where[id][equals]=${r.A}`, json: () => ({ status: 'contacted' }) },
    { ...onlyStaffOfA(200, notAllowed), aalborg: { status: 200, sees: [] } },
  ],
  [
    'the export of her data',
    { method: 'GET', path: (r) => `/api/referrals/${r.A}/person` },
    {
      ...onlyStaffOfA(200, { status: 404, said: /There is no referral \d+ in your inbox/ }),
      anonymous: { status: 401, said: /Sign in to the admin/ },
      editor: { status: 403, said: /Only the inbox’s coordinators and the admins/ },
      translator: { status: 403, said: /Only the inbox’s coordinators and the admins/ },
      hanne: { status: 403, said: /Only the inbox’s coordinators and the admins/ },
      birgit: { status: 403, said: /Only the inbox’s coordinators and the admins/ },
      carla: { status: 403, said: /Only the inbox’s coordinators and the admins/ },
    },
  ],
]

describe.each(databases)('who may see or touch a referral, over HTTP on %s', (kind) => {
  let admin: HttpAdmin
  const clients = {} as Record<Actor, Client>
  const refs = {} as Record<Ref, number | string>
  const places: Record<string, number | string> = {}

  beforeAll(async () => {
    admin = await startHttpAdmin(kind, 'referral-access', async (payload: Payload) => {
      await seedContent(payload, repoContent)
      Object.assign(places, await staffOfTwoInboxes(payload, 'ar'))
      const hv = async (name: string, place: string) =>
        payload.create({ collection: 'health-visitors', overrideAccess: true, data: { email: `${name}@example.org`, password, municipalities: [Number(places[place])] } })
      await hv('hanne', 'aarhus')
      await hv('birgit', 'aarhus')
      await hv('carla', 'aalborg')
      const data = { language: 'ti', consent: true, status: 'new' } as const
      refs.B = (
        await payload.create({ collection: 'referrals', overrideAccess: true, data: { ...data, firstName: 'Amal', phone: '+45 31 22 45 67', municipality: Number(places.aalborg), source: 'staff' } })
      ).id
    })
    for (const who of ['admin', 'editor', 'translator', 'aarhus', 'aalborg'] as const) clients[who] = await admin.signIn(`${who}@example.org`, password)
    for (const who of ['hanne', 'birgit', 'carla'] as const) clients[who] = await admin.signInAs('health-visitors', `${who}@example.org`, password)
    clients.anonymous = admin.anonymous
    // Hanne's own referral: only she can name herself as its health visitor.
    const a = await clients.hanne.request('POST', '/api/referrals?depth=0', { json: { firstName: 'Selam', phone: '+45 52 61 70 89', language: 'ti', municipality: places.aarhus, consent: true } })
    expect(a.status, a.text).toBe(201)
    refs.A = a.json<{ doc: { id: number } }>().doc.id
  })
  afterAll(async () => admin?.stop())

  const check = async (who: Actor, ask: Ask, expected: Expected) => {
    const a = await clients[who].request(ask.method, ask.path(refs), ask.json ? { json: ask.json() } : {})
    expect(a.status, a.text).toBe(expected.status)
    if (expected.said) expect(a.said).toMatch(expected.said)
    if (expected.names) expect(a.text).toMatch(her)
    else expect(a.text).not.toMatch(her)
    if (expected.sees) {
      const body = a.json<{ docs?: Array<{ id: number | string }>; totalDocs?: number; id?: number | string; referrals?: unknown[] }>()
      const wanted = expected.sees.map((r) => refs[r]).sort()
      if (body.docs) expect(body.docs.map((d) => d.id).sort()).toEqual(wanted)
      else if (body.totalDocs !== undefined) expect(body.totalDocs).toBe(wanted.length)
      else if (body.id !== undefined) expect([body.id]).toEqual(wanted)
    }
  }

  const cases = (list: typeof reads) => list.flatMap(([what, ask, expected]) => actors.map((who) => [what, who, ask, expected[who]] as const))

  it.each(cases(reads))('%s, asked by %s', async (_what, who, ask, expected) => check(who, ask, expected))
  it.each(cases(writes))('%s, by %s', async (_what, who, ask, expected) => check(who, ask, expected))

  it.each(actors.map((who) => [who, who === 'aalborg' ? 'aalborg' : 'aarhus'] as const))('a referral created by %s for %s', async (who, place) => {
    const allowed: Actor[] = ['admin', 'aarhus', 'aalborg', 'hanne', 'birgit']
    const a = await clients[who].request('POST', '/api/referrals?depth=0', {
      json: { firstName: 'Ny', phone: '+45 40 40 40 40', language: 'ar', municipality: places[place], consent: true, source: 'staff' },
    })
    if (allowed.includes(who)) expect(a.status, a.text).toBe(201)
    else if (who === 'carla') expect([a.status, a.said]).toEqual([403, 'A health visitor refers mothers for her own municipalities only.'])
    else expect([a.status, a.said]).toEqual([403, expect.stringMatching(/not allowed/i)])
    // A health visitor's answer holds no name or number, even of the one she just made.
    if (['hanne', 'birgit'].includes(who)) expect(a.text).not.toMatch(/"phone"|"firstName"/)
  })

  it.each(actors)('deleting a referral of Aarhus, by %s', async (who) => {
    const made = await clients.admin.request('POST', '/api/referrals?depth=0', {
      json: { firstName: 'Slet', phone: '+45 41 41 41 41', language: 'ar', municipality: places.aarhus, consent: true, source: 'staff' },
    })
    const id = made.json<{ doc: { id: number } }>().doc.id
    const a = await clients[who].request('DELETE', `/api/referrals/${id}`)
    // Payload answers 403, not 404, for a document that exists outside one's access (its reads say 404).
    const expected: Record<Actor, number> = { admin: 200, aarhus: 200, aalborg: 403, editor: 403, translator: 403, anonymous: 403, hanne: 403, birgit: 403, carla: 403 }
    expect(a.status, a.text).toBe(expected[who])
    const still = await clients.admin.request('GET', `/api/referrals/${id}?depth=0`)
    expect(still.status).toBe(expected[who] === 200 ? 404 : 200)
  })
})
