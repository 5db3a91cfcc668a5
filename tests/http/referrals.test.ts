/**
 * Referrals asked of the admin's production server over HTTP, on both databases: the inbox of a
 * municipality shows its coordinators the mother's name and phone, shows nobody else anything, and
 * refuses what it must with the reason (the production bundle once lost field errors).
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeCms, openCms } from '../../cms/boot.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { databases, municipalityId, staffOfTwoInboxes, testSecret } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'
import { startHttpAdmin, type Client, type HttpAdmin } from '../support/http-admin.ts'
import { startMailCatcher, type MailCatcher, type Received } from '../support/smtp.ts'

const password = 'test-password-1'
const site = 'http://site.example'
/** The same site under a second address (www, or localhost beside 127.0.0.1). */
const otherSite = 'http://www.site.example'
const arabic = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../locales/ar/ask.json'), 'utf8')) as Record<string, string>
const danish = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../locales/da/ask.json'), 'utf8')) as Record<string, string>
let peers = 0

describe.each(databases)('referrals over HTTP on %s', (kind) => {
  let admin: HttpAdmin
  let mail: MailCatcher
  const clients: Record<string, Client> = {}
  const ids: Record<string, number | string> = {}
  const referral = () => ({ firstName: 'Selam', phone: '+45 52 61 70 89', language: 'ti', municipality: ids.aarhus, consent: true, source: 'health-visitor' })

  beforeAll(async () => {
    mail = await startMailCatcher()
    admin = await startHttpAdmin(
      kind,
      'referrals',
      async (payload: Payload) => {
        await seedContent(payload, repoContent)
        Object.assign(ids, await staffOfTwoInboxes(payload, 'ti'))
        ids.vejle = await municipalityId(payload, 'vejle')
      },
      // The public site the mothers' form is on; behind a proxy, so each case sends from its own address.
      // Its e-mail goes to a real SMTP server on loopback.
      { MODERSMAL_SITE_ORIGINS: `${site},${otherSite}`, MODERSMAL_TRUST_PROXY: '1', SMTP_URL: mail.url, MODERSMAL_MAIL_FROM: 'Modersmål <inbox@modersmal.example>' },
    )
    for (const who of ['admin', 'editor', 'translator', 'aarhus', 'aalborg']) clients[who] = await admin.signIn(`${who}@example.org`, password)
    clients.anonymous = admin.anonymous
    const a = await clients.aarhus!.request('POST', '/api/referrals', { json: referral() })
    expect(a.status, a.text).toBe(201)
    ids.selam = a.json<{ doc: { id: number } }>().doc.id
  })
  afterAll(async () => {
    await admin?.stop()
    await mail?.stop()
  })

  /** The e-mails to one address, once at least `n` have come. */
  const mailTo = async (address: string, n = 1): Promise<Received[]> => {
    await expect.poll(() => mail.received.filter((m) => m.to.includes(address)).length).toBeGreaterThanOrEqual(n)
    return mail.received.filter((m) => m.to.includes(address))
  }
  /** Who she is: the names and numbers these tests send. */
  const her = /Selam|52 61 70 89|52617089|Amal|31 22 45 6[78]|3122456[78]/i
  /** Nothing of her in an e-mail, as read or as sent: not even her language, or who referred her. */
  const nothingOfHer = (m: Received) => {
    for (const part of [m.subject, m.text, m.raw]) {
      expect(part).not.toMatch(her)
      expect(part).not.toMatch(/\bti\b|\bar\b|ትግርኛ|Tigrinya|العربية|Arabic|health|sundhedsplejerske/i)
    }
  }

  it("e-mails her municipality's shared address that a referral is new, with a link to the inbox and nothing of hers", async () => {
    const [note] = await mailTo('aarhus@example.org')
    expect(note!.from).toBe('inbox@modersmal.example')
    expect(note!.subject).toBe('Modersmål: en ny henvisning i Aarhus')
    const inbox = `${admin.url}/admin/collections/referrals?where%5Bmunicipality%5D%5Bequals%5D=${ids.aarhus}&where%5Bstatus%5D%5Bequals%5D=new`
    expect(note!.text).toContain(`Der er en ny henvisning til mødregruppen i Aarhus. Åbn indbakken for at se, hvem der skal ringes til:\n${inbox}`)
    expect(note!.text).toContain('There is a new referral for the mother group in Aarhus.')
    nothingOfHer(note!)
    // The link opens the inbox for her coordinators (and asks anyone else to sign in).
    const page = await fetch(inbox, { redirect: 'manual' })
    expect([200, 302, 307]).toContain(page.status)
  })

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

  describe('a mother asking herself ("call me", no account)', () => {
    const form = (fields: Record<string, string> = {}) =>
      new URLSearchParams({ language: 'ar', municipality: 'aarhus', phone: '+45 31 22 45 67', firstName: 'Amal', consent: 'yes', website: '', ...fields }).toString()
    /** As her browser posts the site's form: from the site's origin, url-encoded, from one address. */
    const ask = async (body: string, opts: { origin?: string | null; type?: string; peer?: string; headers?: Record<string, string> } = {}) => {
      const headers: Record<string, string> = { 'content-type': opts.type ?? 'application/x-www-form-urlencoded', 'x-forwarded-for': opts.peer ?? `198.51.100.${++peers}`, ...opts.headers }
      if (opts.origin !== null) headers.origin = opts.origin ?? site
      const res = await fetch(`${admin.url}/api/referrals/ask?lang=ar`, { method: 'POST', headers, body, redirect: 'manual' })
      return { status: res.status, location: res.headers.get('location'), text: await res.text() }
    }
    const stored = async () => (await clients.admin!.request('GET', '/api/referrals?limit=0&where[source][equals]=mother')).json<{ totalDocs: number }>().totalDocs

    it("stores her ask in her municipality's inbox and sends her to the thank-you page in her language", async () => {
      const before = await stored()
      const a = await ask(form())
      expect([a.status, a.location]).toEqual([303, `${site}/ar/aarhus/asked/`])
      expect(await stored()).toBe(before + 1)
      const inbox = await clients.aarhus!.request('GET', '/api/referrals?depth=0&where[source][equals]=mother')
      expect(inbox.json<{ docs: Array<Record<string, unknown>> }>().docs.map((d) => [d.firstName, d.phone, d.language, d.status, d.consent])).toContainEqual([
        'Amal',
        '+45 31 22 45 67',
        'ar',
        'new',
        true,
      ])
      const other = await clients.aalborg!.request('GET', '/api/referrals?depth=0')
      expect(other.text).not.toMatch(/Amal|31 22 45 67/)
      expect(admin.log()).not.toMatch(/31 22 45 67|Amal/)
    })

    it('sends her back to the address of the site she came from', async () => {
      const a = await ask(form({ phone: '22 33 44 56' }), { origin: otherSite })
      expect([a.status, a.location]).toEqual([303, `${otherSite}/ar/aarhus/asked/`])
    })

    it('takes her ask without a first name', async () => {
      const a = await ask(form({ firstName: '', phone: '22 33 44 55' }))
      expect(a.status, a.text).toBe(303)
      const inbox = await clients.aarhus!.request('GET', '/api/referrals?depth=0&where[source][equals]=mother')
      expect(inbox.json<{ docs: Array<Record<string, unknown>> }>().docs.find((d) => d.phone === '22 33 44 55')?.firstName ?? null).toBeNull()
    })

    it.each([
      ['a phone number of four digits', () => ask(form({ phone: '1234' })), 400, arabic.problemPhone, true],
      ['letters for a phone number', () => ask(form({ phone: 'call me please' })), 400, arabic.problemPhone, true],
      ['no yes', () => ask(form({ consent: '' })), 400, arabic.problemConsent, true],
      ['a first name of 61 letters', () => ask(form({ firstName: 'A'.repeat(61) })), 400, arabic.problemFirstName, true],
      ['a language we do not have', () => ask(form({ language: 'xx' }), {}), 400, arabic.problemOrigin, false],
      ['a municipality we do not have', () => ask(form({ municipality: 'atlantis' })), 400, arabic.problemOrigin, false],
      ['a post from another site', () => ask(form(), { origin: 'https://evil.example' }), 403, arabic.problemOrigin, false],
      ['a post without an Origin (not from a browser page)', () => ask(form(), { origin: null }), 403, arabic.problemOrigin, false],
      ['a post whose Origin is "null"', () => ask(form(), { origin: 'null' }), 403, arabic.problemOrigin, false],
      ['JSON instead of the form', () => ask(JSON.stringify({ phone: '+45 31 22 45 67' }), { type: 'application/json' }), 415, arabic.problemOrigin, false],
      ['a body of 5 KB', () => ask(`${form()}&pad=${'x'.repeat(5000)}`), 413, arabic.problemOrigin, false],
    ] as const)('refuses %s in her language, keeping what she typed, and stores nothing', async (_what, send, status, message, refilled) => {
      const before = await stored()
      const a = await send()
      expect(a.status, a.text).toBe(status)
      expect(a.text).toContain('<html lang="ar" dir="rtl">')
      expect(a.text).toContain(message!.replace(/{{phone}}.*/, ''))
      if (refilled) expect(a.text).toContain('value="aarhus"')
      expect(await stored()).toBe(before)
    })

    it('answers in Danish when her language is not one we have', async () => {
      const res = await fetch(`${admin.url}/api/referrals/ask?lang=xx`, {
        method: 'POST',
        headers: { origin: site, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `198.51.100.${++peers}` },
        body: form({ language: 'xx' }),
      })
      expect(res.status).toBe(400)
      const text = await res.text()
      expect(text).toContain('<html lang="da" dir="ltr">')
      expect(text).toContain(danish.problemOrigin)
    })

    it('answers a filled honeypot exactly like a stored ask, and stores nothing', async () => {
      const before = await stored()
      const a = await ask(form({ phone: '+45 40 00 00 01', website: 'http://spam.example' }))
      expect([a.status, a.location, a.text]).toEqual([303, `${site}/ar/aarhus/asked/`, ''])
      expect(await stored()).toBe(before)
    })

    it('answers a number asked for too often like any other, storing it twice a day at most', async () => {
      const before = await stored()
      const answers = []
      for (let i = 0; i < 4; i++) answers.push(await ask(form({ phone: '+45 40 00 00 02' })))
      expect(new Set(answers.map((a) => `${a.status} ${a.location} ${a.text}`))).toEqual(new Set([`303 ${site}/ar/aarhus/asked/ `]))
      expect(await stored()).toBe(before + 2)
    })

    it('lets one address post five times in ten minutes, then says to wait or call, in her language', async () => {
      const peer = '203.0.113.7'
      const statuses = []
      // Spoofing the gate's own header changes nothing: the gate sets it.
      for (let i = 0; i < 6; i++) statuses.push((await ask(form({ phone: `+45 41 00 00 ${10 + i}` }), { peer, headers: { 'x-modersmal-peer': `10.0.0.${i}` } })).status)
      expect(statuses).toEqual([303, 303, 303, 303, 303, 429])
      const busy = await ask(form(), { peer })
      expect(busy.status).toBe(429)
      expect(busy.text).toContain(arabic.problemBusy!.split('{{phone}}')[0])
      expect(busy.text).toMatch(/<bdi dir="ltr">\+?[0-9 ]+<\/bdi>/)
      expect((await ask(form({ phone: '+45 41 00 00 99' }))).status).toBe(303)
    })

    it("e-mails the group's address when she asks, with nothing of hers in it", async () => {
      const a = await ask(form({ municipality: 'aalborg', phone: '+45 31 22 45 68' }))
      expect(a.status, a.text).toBe(303)
      const [note] = await mailTo('aalborg@example.org')
      expect(note!.subject).toBe('Modersmål: en ny henvisning i Aalborg')
      nothingOfHer(note!)
    })
  })

  describe('her data, when she asks for it', () => {
    const amina = { firstName: 'Amina', language: 'ti', consent: true, source: 'staff', note: 'Ring efter kl. 10' }
    const mine: Record<string, number | string> = {}
    const create = async (who: string, data: Record<string, unknown>) => {
      const a = await clients[who]!.request('POST', '/api/referrals', { json: data })
      expect(a.status, a.text).toBe(201)
      return a.json<{ doc: { id: number | string } }>().doc.id
    }
    interface Exported {
      referrals: Array<{ id: number | string; firstName: string; phone: string; note: string | null; language: string; municipality: string; createdAt: string; deletedAtTheLatest: string }>
    }

    beforeAll(async () => {
      // One mother, her number written three ways, in two municipalities; and another mother.
      mine.first = await create('aarhus', { ...amina, phone: '+45 41 22 33 44', municipality: ids.aarhus })
      mine.again = await create('aarhus', { ...amina, phone: '41223344', municipality: ids.aarhus, note: undefined })
      mine.aalborg = await create('admin', { ...amina, phone: '0045 41 22 33 44', municipality: ids.aalborg })
      mine.other = await create('aarhus', { ...amina, firstName: 'Hodan', phone: '41 22 33 55', municipality: ids.aarhus })
    })

    it('gives her coordinator everything kept about her, as a file, however her number was written', async () => {
      const a = await clients.aarhus!.request('GET', `/api/referrals/${mine.first}/person`)
      expect(a.status, a.text).toBe(200)
      expect(a.headers.get('content-disposition')).toBe(`attachment; filename="modersmal-referral-${mine.first}.json"`)
      expect(a.headers.get('cache-control')).toBe('no-store')
      const { referrals: got } = a.json<Exported>()
      // Her two in Aarhus; Aalborg's is not this coordinator's to see, and Hodan is someone else.
      expect(got.map((r) => r.id)).toEqual([mine.first, mine.again])
      expect(got[0]).toMatchObject({ firstName: 'Amina', phone: '+45 41 22 33 44', note: 'Ring efter kl. 10', language: 'ትግርኛ (Tigrinya)', municipality: 'Aarhus' })
      const made = new Date(got[0]!.createdAt).getTime()
      expect(got[0]!.deletedAtTheLatest).toBe(new Date(made + 180 * 24 * 3600 * 1000).toISOString().slice(0, 10))
      expect(a.text).not.toContain('Hodan')
    })

    it('gives an admin her referrals in every municipality', async () => {
      const a = await clients.admin!.request('GET', `/api/referrals/${mine.again}/person`)
      expect(a.status, a.text).toBe(200)
      expect(a.json<Exported>().referrals.map((r) => [r.id, r.municipality])).toEqual([
        [mine.first, 'Aarhus'],
        [mine.again, 'Aarhus'],
        [mine.aalborg, 'Aalborg'],
      ])
    })

    it('logs the export without anything of her', async () => {
      const a = await clients.admin!.request('GET', '/api/audit-events?where[action][equals]=export&sort=at&depth=0')
      expect(a.status, a.text).toBe(200)
      const events = a.json<{ docs: Array<{ actorEmail: string; target: string; summary: string }> }>().docs
      expect(events.map((e) => [e.actorEmail, e.target, e.summary])).toEqual([
        ['aarhus@example.org', `referrals/${mine.first}`, "aarhus@example.org exported a mother's data on her request (2 referrals)"],
        ['admin@example.org', `referrals/${mine.first}`, "admin@example.org exported a mother's data on her request (3 referrals)"],
      ])
      expect(a.text).not.toMatch(/Amina|41 ?22 ?33 ?44/)
    })

    it.each([
      ['aalborg', 'GET', 404, `There is no referral {id} in your inbox.`],
      ['aalborg', 'DELETE', 404, `There is no referral {id} in your inbox.`],
      ['editor', 'GET', 403, 'Only the inbox’s coordinators and the admins can export or delete a mother’s data.'],
      ['translator', 'DELETE', 403, 'Only the inbox’s coordinators and the admins can export or delete a mother’s data.'],
      ['anonymous', 'GET', 401, 'Sign in to the admin: only the inbox’s coordinators and the admins can export or delete a mother’s data.'],
      ['anonymous', 'DELETE', 401, 'Sign in to the admin: only the inbox’s coordinators and the admins can export or delete a mother’s data.'],
    ] as const)('refuses %s to %s her data (%i), saying why, and gives and deletes nothing', async (who, method, status, message) => {
      const a = await clients[who]!.request(method, `/api/referrals/${mine.first}/person`)
      expect(a.status, a.text).toBe(status)
      expect(a.said).toBe(message.replace('{id}', String(mine.first)))
      expect(a.text).not.toMatch(/Amina|41 ?22 ?33/)
      expect((await clients.aarhus!.request('GET', `/api/referrals/${mine.first}?depth=0`)).status).toBe(200)
    })

    it('deletes everything about her in her inbox at once, and nothing of anyone else', async () => {
      const a = await clients.aarhus!.request('DELETE', `/api/referrals/${mine.again}/person`)
      expect(a.status, a.text).toBe(200)
      expect(a.json()).toEqual({ deleted: 2, message: 'Deleted 2 referrals: nothing about her is kept.' })
      const left = await clients.admin!.request('GET', '/api/referrals?depth=0&limit=100')
      const names = left.json<{ docs: Array<{ id: number | string; firstName: string }> }>().docs
      expect(names.map((d) => d.id)).not.toContain(mine.first)
      expect(names.map((d) => d.id)).not.toContain(mine.again)
      expect(names.map((d) => d.id)).toEqual(expect.arrayContaining([mine.aalborg, mine.other, ids.selam]))
      // Each deletion is in the audit log, by whom, and without her.
      const log = await clients.admin!.request('GET', `/api/audit-events?where[action][equals]=delete&where[target][in]=referrals/${mine.first},referrals/${mine.again}&depth=0`)
      expect(log.json<{ docs: Array<{ actorEmail: string }> }>().docs.map((e) => e.actorEmail)).toEqual(['aarhus@example.org', 'aarhus@example.org'])
      expect(log.text).not.toMatch(/Amina|41 ?22 ?33/)
      // Nothing is left to export from her inbox.
      expect((await clients.aarhus!.request('GET', `/api/referrals/${mine.first}/person`)).status).toBe(404)
    })

    afterAll(async () => {
      for (const id of [mine.aalborg, mine.other]) await clients.admin!.request('DELETE', `/api/referrals/${id}`)
    })
  })

  it('says which key is missing when a referral was sealed with a key this server does not have', async () => {
    // Another server with a key of its own (set up without the shared MODERSMAL_PERSONAL_DATA_KEYS) on the same database.
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'other-key-'))
    const other = await openCms({ database: { url: admin.databaseUrl }, dataDir: elsewhere, secret: testSecret, key: `other-key-${kind}` })
    try {
      const { id } = await other.create({ collection: 'referrals', data: { ...referral(), municipality: ids.vejle } as never, overrideAccess: true })
      try {
        for (const url of [`/api/referrals/${id}?depth=0`, '/api/referrals?depth=0']) {
          const a = await clients.admin!.request('GET', url)
          expect(a.status, a.text).toBe(500)
          expect(a.said).toMatch(/referrals\.\w+: sealed with key [0-9a-f]{8}, which this server does not have/)
          expect(a.text).not.toMatch(her)
        }
      } finally {
        await other.delete({ collection: 'referrals', id, overrideAccess: true })
      }
    } finally {
      await closeCms(other)
      await rm(elsewhere, { recursive: true, force: true })
    }
  })

  // Last: it stops the mail server.
  it('stores a referral when the mail server is down, and logs why no e-mail went', async () => {
    await mail.stop()
    const a = await clients.admin!.request('POST', '/api/referrals', { json: { ...referral(), municipality: ids.vejle } })
    expect(a.status, a.text).toBe(201)
    await expect.poll(() => admin.log()).toMatch(new RegExp(`E-mail: the note of 1 new referral\\(s\\) for municipality ${ids.vejle} was not sent: Error: .*ECONNREFUSED`))
    expect(admin.log()).not.toMatch(her)
  })
})
