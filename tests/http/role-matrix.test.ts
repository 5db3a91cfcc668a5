/**
 * Who may do what, asked of the real admin over HTTP (its production server behind the gate), on
 * both databases: every role × collection × operation × language that matters, versions and
 * restore, unlocking accounts, staff accounts and the audit log. Each case names the answer it
 * expects (status and reason, or what the answer must hold); any other answer fails it, so a
 * request broken for another reason never passes as a refusal. The expectations come from one
 * table of rules (`expected` below), so the matrix reads as the policy it tests.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mediaFilesDir } from '../../content/load.ts'
import { localOfferKinds } from '../../content/schema/vocabulary.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { createStaff, databases, fieldsOf } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'
import { startHttpAdmin, type Answer, type Client, type HttpAdmin } from '../support/http-admin.ts'
import { makeVideo } from '../support/video.ts'

type Role = 'anonymous' | 'admin' | 'editor' | 'translator' | 'coordinator'
type Op = 'read' | 'read draft' | 'update text da' | 'update text ar' | 'update text so' | 'update shared field' | 'create' | 'delete' | 'list versions' | 'restore a version'
type Which = 'own' | 'other'

const roles: Role[] = ['anonymous', 'admin', 'editor', 'translator', 'coordinator']
const ops: Op[] = ['read', 'read draft', 'update text da', 'update text ar', 'update text so', 'update shared field', 'create', 'delete', 'list versions', 'restore a version']
const password = 'test-password-1'

/** Per collection: a localized text field, a non-localized field with a new valid value each time, and the document used. */
const collections: Record<string, { text: string; shared: [string, (n: number) => unknown]; slug: string; other?: string }> = {
  programmes: { text: 'name', shared: ['organisation', (n) => `Organisation ${n}`], slug: 'ny-mor-i-danmark' },
  municipalities: { text: 'intro', shared: ['area', (n) => `Område ${n}`], slug: 'aarhus', other: 'vejle' },
  // Each shared value differs from the seeded one (45 minutes, health, 90 seconds), so a refusal is never a no-op.
  activities: { text: 'summary', shared: ['durationMinutes', (n) => 46 + (n % 60)], slug: 'babymassage' },
  // Not the review claim: its day and reviewer go together, so one of them alone is refused for everyone.
  guides: { text: 'summary', shared: ['relatedOfferKinds', (n) => [localOfferKinds.filter((k) => k !== 'health')[n % (localOfferKinds.length - 1)]]], slug: 'breastfeeding' },
  films: { text: 'description', shared: ['durationSeconds', (n) => 91 + n], slug: 'om-moedregrupperne' },
  leaflets: { text: 'headline', shared: ['slug', (n) => `ny-mor-i-danmark-${n}`], slug: 'ny-mor-i-danmark' },
  media: { text: 'alt', shared: ['slug', (n) => `mor-og-baby-${n}`], slug: 'mor-og-baby' },
}
const uploads = new Set(['media', 'videos'])

/** An expected answer: a status with the reason it gives, or a success and what it must hold. */
type Expected = { status: number; reason?: RegExp; hidden?: true; label: string }
const ok = (status = 200): Expected => ({ status, label: `${status} done` })
const notAllowed: Expected = { status: 403, reason: /You are not allowed to perform this action/, label: '403 not allowed' }
const signInToUpload: Expected = { status: 401, reason: /Sign in to upload files/, label: '401 sign in to upload (the gate)' }
const notShown: Expected = { status: 200, hidden: true, label: '200 without the document' }
const onlyHerText: Expected = { status: 400, reason: /only the text of her own languages/, label: '400 only her own text' }
const danishIsTheSource: Expected = {
  status: 403,
  reason: /^The Danish text is the source every language is translated from; editors write it\. You translate into العربية \(Arabic\)\.$/,
  label: '403 Danish is the source',
}
const notHerLanguage: Expected = {
  status: 403,
  reason: /^Soomaali \(Somali\) is not one of your languages \(you translate into العربية \(Arabic\)\)\. An administrator can add it to your account\.$/,
  label: '403 not one of her languages',
}
const noRestore: Expected = { status: 403, reason: /cannot restore a version: a version holds every language/, label: '403 a version holds every language' }

/** The policy. */
function expected(role: Role, op: Op, collection: string, which: Which): Expected {
  const writes = op.startsWith('update') || op === 'create'
  if (role === 'anonymous') {
    // The gate turns away any unsigned upload request before its body is read.
    if (uploads.has(collection) && writes) return signInToUpload
    // Uploads and versions are for the staff; the site serves its own copies of the files.
    if (op === 'read') return uploads.has(collection) ? notAllowed : ok()
    if (op === 'read draft') return notShown
    return notAllowed
  }
  if (op === 'read' || op === 'read draft' || op === 'list versions') return ok()
  if (role === 'admin' || role === 'editor') return ok(op === 'create' ? 201 : 200)
  if (role === 'coordinator') {
    // Her own municipality only.
    return collection === 'municipalities' && which === 'own' && op !== 'create' && op !== 'delete' ? ok() : notAllowed
  }
  // A translator for Arabic: Arabic text only; another language is refused naming it.
  if (op === 'update text ar') return ok()
  if (op === 'update text da') return danishIsTheSource
  if (op === 'update text so') return notHerLanguage
  if (op === 'update shared field') return collection === 'videos' ? notAllowed : onlyHerText
  if (op === 'restore a version') return noRestore
  return notAllowed
}

/** Film videos have no text and no drafts: reading, uploading, replacing the file (the shared value), deleting. */
const videoOps: Op[] = ['read', 'update shared field', 'create', 'delete']
const withDrafts = (collection: string) => collection !== 'media'

const cases = [
  ...roles.flatMap((role) => videoOps.map((op) => ({ collection: 'videos', which: 'own' as Which, role, op }))),
  ...Object.keys(collections).flatMap((collection) =>
    (['own', 'other'] as Which[])
      .filter((which) => which === 'own' || collections[collection]!.other)
      .flatMap((which) =>
        roles.flatMap((role) =>
          ops
            .filter((op) => withDrafts(collection) || !['read draft', 'list versions', 'restore a version'].includes(op))
            .filter((op) => which === 'own' || op.startsWith('update') || op === 'restore a version')
            .map((op) => ({ collection, which, role, op })),
        ),
      ),
  ),
].map((c) => ({ ...c, expect: expected(c.role, c.op, c.collection, c.which) }))

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
  // An upload's file facts are the server's to derive from the file.
  for (const k of ['filename', 'mimeType', 'filesize', 'width', 'height', 'focalX', 'focalY', 'url', 'thumbnailURL', 'sizes']) delete rest[k]
  return strip(rest) as Record<string, unknown>
}

describe.each(databases)('who may do what, over HTTP, on %s', (kind) => {
  let admin: HttpAdmin
  const clients: Partial<Record<Role, Client>> = {}
  const templates: Record<string, Record<string, unknown>> = {}
  const ids: Record<string, number | string> = {}
  /** Per collection and document: the id of an older version, to restore. */
  const versions: Record<string, number | string> = {}
  let counter = 0

  const picture = readFileSync(path.join(mediaFilesDir(repoContent), 'mor-og-baby.png'))
  const video = makeVideo('mp4')
  const as = (role: Role) => clients[role]!

  /** A new, valid document of the collection (a copy of the template with unique keys). */
  function freshData(collection: string): Record<string, unknown> {
    const n = ++counter
    const data: Record<string, unknown> = { ...templates[collection]!, slug: `matrix-${collection}-${n}` }
    if (collection === 'municipalities') data.shortCode = `MX${n}`
    return data
  }
  const withFile = (name: string, type: string, bytes: Buffer, fields: Record<string, unknown>) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
    form.append('_payload', JSON.stringify(fields))
    return form
  }
  const videoForm = () => withFile(`film-${++counter}.mp4`, 'video/mp4', video, {})
  const create = (collection: string, client: Client): Promise<Answer> => {
    if (collection === 'videos') return client.request('POST', '/api/videos', { form: videoForm() })
    if (collection === 'media') return client.request('POST', '/api/media?locale=da', { form: withFile(`billede-${++counter}.png`, 'image/png', picture, freshData('media')) })
    return client.request('POST', `/api/${collection}?locale=da`, { json: freshData(collection) })
  }
  const createdId = (a: Answer) => {
    expect(a.status, a.text.slice(0, 400)).toBe(201)
    return a.json<{ doc: { id: number | string } }>().doc.id
  }

  beforeAll(async () => {
    admin = await startHttpAdmin(kind, 'httpmatrix', async (payload: Payload) => {
      await seedContent(payload, repoContent)
      // Guide topics are unique and all taken: free two, for the draft and for the copies the cases create.
      for (const topic of ['screen-time', 'danish-traditions']) await payload.delete({ collection: 'guides', where: { topic: { equals: topic } }, overrideAccess: true })
      const idOf = async (collection: string, slug: string) =>
        (await payload.find({ collection: collection as CollectionSlug, where: { slug: { equals: slug } }, overrideAccess: true, limit: 1 })).docs[0]!.id
      for (const [collection, c] of Object.entries(collections)) {
        ids[`${collection}/own`] = await idOf(collection, c.slug)
        if (c.other) ids[`${collection}/other`] = await idOf(collection, c.other)
        const doc = await payload.findByID({ collection: collection as CollectionSlug, id: ids[`${collection}/own`]!, locale: 'da', depth: 0, overrideAccess: true })
        templates[collection] = copyable(fieldsOf(doc))
        if (collection === 'guides') templates.guides!.topic = 'screen-time'
        if (withDrafts(collection)) {
          // A document nobody outside the staff may see.
          await payload.create({
            collection: collection as CollectionSlug,
            locale: 'da',
            draft: true,
            overrideAccess: true,
            data: { ...freshData(collection), slug: `kladde-${collection}`, _status: 'draft' } as never,
          })
          // A second version of each document, so there is an older one to restore.
          for (const which of ['own', 'other'] as const) {
            const id = ids[`${collection}/${which}`]
            if (id === undefined) continue
            await payload.update({ collection: collection as CollectionSlug, id, locale: 'da', overrideAccess: true, data: { [c.text]: `Ny tekst ${++counter}`, _status: 'published' } as never })
            const { docs } = await payload.findVersions({ collection: collection as CollectionSlug, where: { parent: { equals: id } }, sort: 'updatedAt', limit: 1, overrideAccess: true })
            versions[`${collection}/${which}`] = docs[0]!.id
          }
        }
        if (collection === 'guides') templates.guides!.topic = 'danish-traditions'
      }
      const aarhus = ids['municipalities/own']!
      for (const [role, extra] of [
        ['admin', {}],
        ['editor', {}],
        ['translator', { translatorLocales: ['ar'] }],
        ['coordinator', { municipality: aarhus }],
      ] as const) {
        await createStaff(payload, role, extra)
      }
      await createStaff(payload, 'editor', {}, 'laast@example.org')
    })
    clients.anonymous = admin.anonymous
    for (const role of ['admin', 'editor', 'translator', 'coordinator'] as const) clients[role] = await admin.signIn(`${role}@example.org`, password)
    ids['videos/own'] = createdId(await create('videos', as('admin')))
  })
  afterAll(async () => admin?.stop())

  /** Makes the request of the case and checks what its success must show; returns the answer. */
  async function attempt(c: (typeof cases)[number]): Promise<{ answer: Answer; holds?: () => void }> {
    const { collection, which, role, op } = c
    const client = as(role)
    const id = ids[`${collection}/${which}`]!
    const conf = collections[collection]!
    switch (op) {
      case 'read': {
        const answer = await client.request('GET', `/api/${collection}?locale=da&depth=0&where[id][equals]=${id}`)
        return { answer, holds: () => expect(answer.json<{ docs: unknown[] }>().docs).toHaveLength(1) }
      }
      case 'read draft': {
        const answer = await client.request('GET', `/api/${collection}?draft=true&where[slug][equals]=kladde-${collection}`)
        return { answer, holds: () => expect(answer.json<{ docs: unknown[] }>().docs).toHaveLength(c.expect.hidden ? 0 : 1) }
      }
      case 'update text da':
      case 'update text ar':
      case 'update text so': {
        const locale = op.slice(-2)
        const text = `${role} ${locale} ${++counter}`
        const answer = await client.request('PATCH', `/api/${collection}/${id}?locale=${locale}&depth=0`, { json: { [conf.text]: text } })
        return { answer, holds: () => expect(answer.json<{ doc: Record<string, unknown> }>().doc[conf.text]).toBe(text) }
      }
      case 'update shared field': {
        if (collection === 'videos') return { answer: await client.request('PATCH', `/api/videos/${id}`, { form: videoForm() }) }
        // In Arabic: the language a translator may write, so only the field rule can refuse her.
        const value = conf.shared[1](++counter)
        const answer = await client.request('PATCH', `/api/${collection}/${id}?locale=ar&depth=0`, { json: { [conf.shared[0]]: value } })
        return { answer, holds: () => expect(answer.json<{ doc: Record<string, unknown> }>().doc[conf.shared[0]]).toEqual(value) }
      }
      case 'create': {
        const answer = await create(collection, client)
        // Free unique keys (a guide's topic) for the next case.
        if (answer.status === 201) expect((await as('admin').request('DELETE', `/api/${collection}/${createdId(answer)}`)).status).toBe(200)
        return { answer }
      }
      case 'delete': {
        const doc = createdId(await create(collection, as('admin')))
        const answer = await client.request('DELETE', `/api/${collection}/${doc}`)
        if (answer.status !== 200) expect((await as('admin').request('DELETE', `/api/${collection}/${doc}`)).status).toBe(200)
        return { answer }
      }
      case 'list versions': {
        const answer = await client.request('GET', `/api/${collection}/versions?where[parent][equals]=${id}&depth=0`)
        return { answer, holds: () => expect(answer.json<{ totalDocs: number }>().totalDocs).toBeGreaterThan(0) }
      }
      case 'restore a version': {
        // In Arabic: for a translator, the language Payload's own access check lets through.
        const answer = await client.request('POST', `/api/${collection}/versions/${versions[`${collection}/${which}`]}?locale=ar&depth=0`)
        return { answer }
      }
    }
  }

  it.each(cases)('$role: $op on $collection ($which) → $expect.label', async (c) => {
    const { answer, holds } = await attempt(c)
    expect(answer.status, answer.text.slice(0, 600)).toBe(c.expect.status)
    if (c.expect.reason) expect(answer.said, answer.text.slice(0, 600)).toMatch(c.expect.reason)
    else holds?.()
  })

  it('has more than 300 cases per database, with the accounts, locks and audit cases below', () => {
    expect(cases.length + accountCases.length).toBeGreaterThan(300)
  })

  /** Staff accounts, locks and the audit log. */
  const accountCases = roles.flatMap((role) => [
    { role, what: 'lists the staff accounts', expect: role === 'anonymous' ? notAllowed : ok(), shows: role === 'admin' ? 'all' : role === 'anonymous' ? 'none' : 'herself' },
    { role, what: 'creates a staff account', expect: role === 'admin' ? ok(201) : notAllowed },
    { role, what: 'unlocks a locked account (GHSA-jg8r-5jh2-v2xj)', expect: role === 'admin' ? ok() : notAllowed },
    { role, what: 'reads the audit log', expect: role === 'admin' ? ok() : notAllowed },
    { role, what: 'writes into the audit log', expect: notAllowed },
    {
      role,
      what: 'makes herself an admin',
      expect:
        role === 'anonymous'
          ? notAllowed
          : role === 'admin'
            ? ok()
            : { status: 400, reason: /role: Only an admin can change roles, languages and municipalities/, label: '400 only an admin changes roles' },
    },
  ])

  /** The admin answers in the language the browser asks for: Danish for the staff, English otherwise. */
  const danish = 'da-DK,da;q=0.9,en;q=0.5'
  type Ask = [string, string, { json?: unknown }?]
  const languageCases: Array<{
    what: string
    role: Role
    language: string
    ask: () => Promise<Ask> | Ask
    reason: RegExp
  }> = [
    ...[
      [danish, /En oversætter ændrer kun teksten på sine egne sprog; dette felt er det samme på alle sprog\. Spørg en redaktør\./],
      ['en-GB,en;q=0.9', /A translator changes only the text of her own languages/],
    ].map(([language, reason]) => ({
      what: 'a translator changes a shared field',
      role: 'translator' as const,
      language: language as string,
      ask: (): Ask => ['PATCH', `/api/activities/${ids['activities/own']}?locale=ar`, { json: { durationMinutes: 5 + (++counter % 30) } }],
      reason: reason as RegExp,
    })),
    {
      what: 'a translator writes a language that is not hers',
      role: 'translator',
      language: danish,
      ask: () => ['PATCH', `/api/activities/${ids['activities/own']}?locale=ti`, { json: { title: 'ሕጻን' } }],
      reason: /^ትግርኛ \(tigrinya\) er ikke et af dine sprog \(du oversætter til العربية \(arabisk\)\)\. En administrator kan tilføje det på din konto\.$/,
    },
    {
      what: 'a translator writes the Danish source',
      role: 'translator',
      language: 'en-GB,en;q=0.9',
      ask: () => ['PATCH', `/api/activities/${ids['activities/own']}?locale=da`, { json: { title: 'Ny titel' } }],
      reason: /^The Danish text is the source every language is translated from; editors write it\. You translate into العربية \(Arabic\)\.$/,
    },
    {
      what: 'a translator restores a version',
      role: 'translator',
      language: danish,
      ask: () => ['POST', `/api/activities/versions/${versions['activities/own']}?locale=ar`],
      reason: /En oversætter kan ikke gendanne en version/,
    },
    {
      what: 'a coordinator makes herself an admin',
      role: 'coordinator',
      language: danish,
      ask: async (): Promise<Ask> => {
        const me = await as('coordinator').request('GET', '/api/users/me')
        return ['PATCH', `/api/users/${me.json<{ user: { id: number } }>().user.id}`, { json: { role: 'admin' } }]
      },
      reason: /role: Kun en administrator kan ændre roller, sprog og kommuner\./,
    },
    {
      what: 'an editor links a picture that does not exist',
      role: 'editor',
      language: danish,
      ask: () => ['PATCH', `/api/activities/${ids['activities/own']}?locale=da`, { json: { images: [987654] } }],
      reason: /images: Billede med id 987654 findes ikke/,
    },
    {
      what: 'an editor changes a printed short code',
      role: 'editor',
      language: danish,
      ask: () => ['PATCH', `/api/municipalities/${ids['municipalities/own']}?locale=da`, { json: { shortCode: 'zz9' } }],
      reason: /shortCode: Den korte kode \w+ er trykt på foldere og kan aldrig ændres\./,
    },
    // Payload's own refusals speak Danish too (its Danish translations are on).
    {
      what: 'a translator deletes an activity',
      role: 'translator',
      language: danish,
      ask: () => ['DELETE', `/api/activities/${ids['activities/own']}`],
      reason: /Du har ikke adgang til denne handling/,
    },
  ]

  it.each(languageCases)('in the language she reads ($language): $what', async (c) => {
    const [method, pathname, body] = await c.ask()
    const answer = await as(c.role).request(method, pathname, { ...body, language: c.language })
    expect(answer.status, answer.text.slice(0, 600)).toBeGreaterThanOrEqual(400)
    expect(answer.said, answer.text.slice(0, 600)).toMatch(c.reason)
  })

  it.each(accountCases)('$role: $what → $expect.label', async (c) => {
    const client = as(c.role)
    let answer: Answer
    switch (c.what) {
      case 'lists the staff accounts': {
        answer = await client.request('GET', '/api/users?limit=100&depth=0')
        if (answer.status === 200) {
          const emails = answer.json<{ docs: Array<{ email: string }> }>().docs.map((u) => u.email)
          expect(emails).toEqual(c.shows === 'all' ? expect.arrayContaining(['admin@example.org', 'translator@example.org', 'laast@example.org']) : [`${c.role}@example.org`])
        }
        break
      }
      case 'creates a staff account':
        answer = await client.request('POST', '/api/users', { json: { email: `ny-${++counter}@example.org`, password, role: 'editor' } })
        break
      case 'unlocks a locked account (GHSA-jg8r-5jh2-v2xj)': {
        for (let i = 0; i < 10; i++) await admin.anonymous.request('POST', '/api/users/login', { json: { email: 'laast@example.org', password: `forkert-${i}` } })
        const locked = await admin.anonymous.request('POST', '/api/users/login', { json: { email: 'laast@example.org', password } })
        expect(locked.said).toMatch(/locked/i)
        answer = await client.request('POST', '/api/users/unlock', { json: { email: 'laast@example.org' } })
        const after = await admin.anonymous.request('POST', '/api/users/login', { json: { email: 'laast@example.org', password } })
        expect(after.status, after.text).toBe(c.expect.status === 200 ? 200 : 401)
        // Leave the account unlocked for the next case.
        if (c.expect.status !== 200) expect((await as('admin').request('POST', '/api/users/unlock', { json: { email: 'laast@example.org' } })).status).toBe(200)
        break
      }
      case 'reads the audit log':
        answer = await client.request('GET', '/api/audit-events?limit=5')
        if (answer.status === 200) expect(answer.json<{ totalDocs: number }>().totalDocs).toBeGreaterThan(0)
        break
      case 'writes into the audit log':
        answer = await client.request('POST', '/api/audit-events', { json: { action: 'update', summary: 'forged' } })
        break
      default: {
        const me = await client.request('GET', '/api/users/me')
        const myId = me.status === 200 ? me.json<{ user: { id: number } | null }>().user?.id : undefined
        answer = await client.request('PATCH', `/api/users/${myId ?? 1}`, { json: { role: 'admin' } })
      }
    }
    expect(answer.status, answer.text.slice(0, 600)).toBe(c.expect.status)
    if (c.expect.reason) expect(answer.said, answer.text.slice(0, 600)).toMatch(c.expect.reason)
  })
})
