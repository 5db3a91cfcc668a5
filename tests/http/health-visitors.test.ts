/**
 * A health visitor refers a mother through the admin's production server, on both databases:
 * the plain pages she signs in and refers on (no JavaScript), the consent in the mother's
 * language, the referral in her municipality's inbox and nowhere else, and her own view of it:
 * the status, never the name or number. Every refusal names its reason and stores nothing. Her
 * coordinator invites her by e-mail (a real SMTP server on loopback) to choose her own password.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContent } from '../../cms/sync/seed.ts'
import { askText } from '../../cms/collections/Referrals/ask/strings.ts'
import { esc } from '../../cms/collections/Referrals/page.ts'
import { referText } from '../../cms/collections/Referrals/refer/strings.ts'
import { createStaff, databases } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'
import { startHttpAdmin, type Client, type HttpAdmin } from '../support/http-admin.ts'
import { startMailCatcher, type MailCatcher, type Received } from '../support/smtp.ts'

const password = 'test-password-1'
const refer = '/api/referrals/refer'

describe.each(databases)('a health visitor refers, over HTTP on %s', (kind) => {
  let admin: HttpAdmin
  let mail: MailCatcher
  const ids: Record<string, number | string> = {}
  const clients: Record<string, Client> = {}
  let cookie = ''

  /** As her browser: the admin's own origin on posts, her cookie once she has one. */
  const page = async (method: 'GET' | 'POST', pathname: string, body?: Record<string, string>, opts: { origin?: string; cookie?: string; lang?: string; peer?: string } = {}) => {
    const headers: Record<string, string> = { 'accept-language': opts.lang ?? 'da-DK,da;q=0.9' }
    // Behind the proxy (MODERSMAL_TRUST_PROXY): each case that counts posts sends from its own address.
    if (opts.peer) headers['x-forwarded-for'] = opts.peer
    const c = opts.cookie ?? cookie
    if (c) headers.cookie = c
    // A browser's GET navigation carries no Origin but Sec-Fetch-Site, which Payload checks instead.
    if (method === 'GET') headers['sec-fetch-site'] = 'same-origin'
    if (method === 'POST') {
      headers.origin = opts.origin ?? admin.url
      headers['content-type'] = 'application/x-www-form-urlencoded'
    }
    const res = await fetch(`${admin.url}${pathname}`, { method, headers, body: body ? new URLSearchParams(body).toString() : undefined, redirect: 'manual' })
    return { status: res.status, location: res.headers.get('location'), setCookie: res.headers.get('set-cookie') ?? '', text: await res.text() }
  }
  const form = (fields: Record<string, string> = {}) => ({
    language: 'ti',
    municipality: String(ids.aarhus),
    firstName: 'Selam',
    phone: '+45 52 61 70 89',
    babyAgeMonths: '3',
    consent: 'yes',
    ...fields,
  })
  const inbox = async () => (await clients.admin!.request('GET', '/api/referrals?depth=0&limit=0&where[source][equals]=health-visitor')).json<{ docs: Array<Record<string, unknown>> }>().docs

  beforeAll(async () => {
    mail = await startMailCatcher()
    admin = await startHttpAdmin(
      kind,
      'health-visitors',
      async (payload: Payload) => {
        await seedContent(payload, repoContent)
        const idOf = async (slug: string) => (await payload.find({ collection: 'municipalities', where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!.id
        ids.aarhus = await idOf('aarhus')
        ids.aalborg = await idOf('aalborg')
        await createStaff(payload, 'admin')
        await createStaff(payload, 'coordinator', { municipality: ids.aarhus }, 'aarhus@example.org')
        await createStaff(payload, 'coordinator', { municipality: ids.aalborg }, 'aalborg@example.org')
        const hv = await payload.create({ collection: 'health-visitors', overrideAccess: true, data: { email: 'hanne@example.org', password, name: 'Hanne', municipalities: [Number(ids.aarhus)] } })
        ids.hanne = hv.id
        ids.mette = (await payload.create({ collection: 'health-visitors', overrideAccess: true, data: { email: 'mette@example.org', password, municipalities: [Number(ids.aalborg)] } })).id
      },
      { SMTP_URL: mail.url, MODERSMAL_MAIL_FROM: 'Modersmål <inbox@modersmal.example>', MODERSMAL_TRUST_PROXY: '1' },
    )
    for (const who of ['admin', 'aarhus', 'aalborg']) clients[who] = await admin.signIn(`${who}@example.org`, password)
  })
  afterAll(async () => {
    await admin?.stop()
    await mail?.stop()
  })

  /** The link in the newest e-mail to an address, once it has come: as a path on this admin. */
  const linkTo = async (address: string, n: number): Promise<{ mail: Received; path: string; origin: string }> => {
    await expect.poll(() => mail.received.filter((m) => m.to.includes(address)).length).toBe(n)
    const m = mail.received.filter((r) => r.to.includes(address)).at(-1)!
    const link = /https?:\/\/\S+?do=password&token=[0-9a-f]+/.exec(m.text)?.[0]
    expect(link, m.text).toBeDefined()
    const url = new URL(link!)
    return { mail: m, path: `${url.pathname}${url.search}`, origin: url.origin }
  }

  it('asks her to sign in, in Danish, or in English when her browser prefers it', async () => {
    const da = await page('GET', refer)
    expect(da.status).toBe(200)
    expect(da.text).toContain('<html lang="da" dir="ltr">')
    expect(da.text).toContain(referText('da', 'signInTitle'))
    const en = await page('GET', refer, undefined, { lang: 'en-GB,en;q=0.8' })
    expect(en.text).toContain('<html lang="en" dir="ltr">')
    expect(en.text).toContain(referText('en', 'signInTitle'))
  })

  it('refuses a wrong password, saying so, and signs her in for 90 days with the right one', async () => {
    const wrong = await page('POST', `${refer}?do=signin`, { email: 'hanne@example.org', password: 'not-it' })
    expect(wrong.status).toBe(401)
    expect(wrong.text).toContain(referText('da', 'wrongSignIn'))
    expect(wrong.text).toContain('value="hanne@example.org"')
    const right = await page('POST', `${refer}?do=signin&ui=da`, { email: 'hanne@example.org', password })
    expect([right.status, right.location]).toEqual([303, `${refer}?ui=da`])
    expect(right.setCookie).toMatch(/payload-token=[^;]+;.*HttpOnly/i)
    expect(right.setCookie).toMatch(/SameSite=Strict/i)
    const expires = new Date(/Expires=([^;]+)/i.exec(right.setCookie)![1]!).getTime()
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(90)
    cookie = /payload-token=[^;]+/.exec(right.setCookie)![0]
  })

  it('offers every language by its own name, then the consent in hers beside the Danish', async () => {
    const choose = await page('GET', refer)
    expect(choose.text).toContain(referText('da', 'chooseLanguage'))
    expect(choose.text).toContain('<span lang="ti" dir="ltr">ትግርኛ</span>')
    expect(choose.text).toContain('<span lang="ar" dir="rtl">العربية</span>')
    const ti = await page('GET', `${refer}?language=ti`)
    expect(ti.text).toContain(`<p lang="ti" dir="ltr">${esc(askText('ti', 'consent'))}</p>`)
    expect(ti.text).toContain(`<span lang="da">${esc(askText('da', 'consent'))}</span>`)
    const ar = await page('GET', `${refer}?language=ar`)
    expect(ar.text).toContain(`<p lang="ar" dir="rtl">${esc(askText('ar', 'consent'))}</p>`)
  })

  it.each([
    ['a phone number of four digits', { phone: '1234' }, 'problemPhone'],
    ['no first name', { firstName: '' }, 'problemFirstName'],
    ['no yes from the mother', { consent: '' }, 'problemConfirm'],
    ['a municipality that is not hers', () => ({ municipality: String(ids.aalborg) }), 'problemMunicipality'],
    ['a baby of 40 months', { babyAgeMonths: '40' }, 'problemBabyAge'],
    ['a note of 501 characters', { note: 'x'.repeat(501) }, 'problemTooLong'],
  ] as const)('refuses %s with the reason, her form filled in again, storing nothing', async (_what, change, problem) => {
    const before = (await inbox()).length
    const fields = form(typeof change === 'function' ? change() : change)
    const a = await page('POST', refer, fields)
    expect(a.status).toBe(400)
    expect(a.text).toContain(`<p class="problem" role="alert">${esc(referText('da', problem))}</p>`)
    if (fields.firstName) expect(a.text).toContain(`value="${fields.firstName}"`)
    expect((await inbox()).length).toBe(before)
  })

  it('refuses a post from another site, and one without her sign-in', async () => {
    const before = (await inbox()).length
    const cross = await page('POST', refer, form(), { origin: 'https://evil.example' })
    expect(cross.status).toBe(403)
    expect(cross.text).toContain(referText('da', 'problemOrigin'))
    const anonymous = await page('POST', refer, form(), { cookie: '' })
    expect(anonymous.status).toBe(401)
    expect(anonymous.text).toContain(referText('da', 'signInTitle'))
    expect((await inbox()).length).toBe(before)
  })

  it("sends the referral to her municipality's inbox and thanks her, showing only its status", async () => {
    const a = await page('POST', refer, form({ callTime: 'efter kl. 10', interpreter: 'yes', note: 'Taler lidt engelsk' }))
    expect([a.status, a.location]).toEqual([303, `${refer}?ui=da&sent=${ids.aarhus}`])
    const thanks = await page('GET', a.location!)
    expect(thanks.text).toContain(esc(referText('da', 'sent', { municipality: 'Aarhus', days: 3 })))
    expect(thanks.text).toMatch(/<td><span lang="ti" dir="ltr">ትግርኛ<\/span><\/td><td>Ny<\/td>/)
    expect(thanks.text).not.toMatch(/Selam|52 61 70 89|efter kl|engelsk/)
    const [doc] = (await clients.aarhus!.request('GET', '/api/referrals?depth=0&where[source][equals]=health-visitor')).json<{ docs: Array<Record<string, unknown>> }>().docs
    expect(doc).toMatchObject({
      firstName: 'Selam',
      phone: '+45 52 61 70 89',
      language: 'ti',
      babyAgeMonths: 3,
      callTime: 'efter kl. 10',
      interpreter: true,
      note: 'Taler lidt engelsk',
      status: 'new',
      referredBy: ids.hanne,
    })
    const other = await clients.aalborg!.request('GET', '/api/referrals?depth=0')
    expect(other.text).not.toMatch(/Selam|52 61 70 89/)
    expect(admin.log()).not.toMatch(/Selam|52 61 70 89|Taler lidt/)
  })

  it('shows her, through the API too, her own referrals without name, number or notes, and lets her change nothing', async () => {
    const api = async (method: string, pathname: string, json?: unknown) => {
      const res = await fetch(`${admin.url}${pathname}`, { method, headers: { cookie, origin: admin.url, 'content-type': 'application/json' }, body: json ? JSON.stringify(json) : undefined })
      return { status: res.status, text: await res.text() }
    }
    const list = await api('GET', '/api/referrals?depth=0')
    expect(list.status).toBe(200)
    const docs = (JSON.parse(list.text) as { docs: Array<Record<string, unknown>> }).docs
    expect(docs.map((d) => [d.language, d.status])).toEqual([['ti', 'new']])
    for (const field of ['firstName', 'phone', 'note', 'callTime', 'takenBy']) expect(docs[0]).not.toHaveProperty(field)
    const move = await api('PATCH', `/api/referrals/${docs[0]!.id}`, { status: 'joined' })
    expect(move.status).toBe(403)
    const elsewhere = await api('POST', '/api/referrals', { ...form(), municipality: ids.aalborg, consent: true })
    expect(elsewhere.status).toBe(403)
    expect(elsewhere.text).toContain('A health visitor refers mothers for her own municipalities only.')
    const moveHerself = await api('PATCH', `/api/health-visitors/${ids.hanne}`, { municipalities: [ids.aarhus, ids.aalborg] })
    expect(moveHerself.status).toBe(403)
    expect(moveHerself.text).toContain('A health visitor cannot change the municipalities she refers for; her coordinator can.')
    expect((await api('GET', '/api/users')).status).toBe(403)
    expect((await api('GET', '/api/activities?draft=true&depth=0')).text).not.toContain('"_status":"draft"')
  })

  it('lets the coordinator add health visitors for her own municipality only, and see only those', async () => {
    const own = await clients.aarhus!.request('POST', '/api/health-visitors', { json: { email: 'bente@example.org', password, municipalities: [ids.aarhus] } })
    expect(own.status, own.text).toBe(201)
    const other = await clients.aarhus!.request('POST', '/api/health-visitors', { json: { email: 'carla@example.org', password, municipalities: [ids.aalborg] } })
    expect(other.status).toBe(403)
    expect(other.said).toBe('A coordinator adds health visitors for her own municipality only; an admin can add other municipalities.')
    const seen = await clients.aalborg!.request('GET', '/api/health-visitors?depth=0')
    expect(seen.json<{ docs: Array<{ email: string }> }>().docs.map((d) => d.email)).toEqual(['mette@example.org'])
    const listed = await clients.aarhus!.request('GET', '/api/health-visitors?depth=0&sort=email')
    expect(listed.json<{ docs: Array<{ email: string }> }>().docs.map((d) => d.email)).toEqual(['bente@example.org', 'hanne@example.org'])
  })

  it('lets her coordinator invite her by e-mail to choose her own password, once a minute', async () => {
    const a = await clients.aarhus!.request('POST', `/api/health-visitors/${ids.hanne}/invite`)
    expect(a.status, a.text).toBe(200)
    expect(a.json()).toEqual({ message: 'The invitation is on its way to hanne@example.org. Its link works for 3 days.' })
    const { mail: m, origin } = await linkTo('hanne@example.org', 1)
    expect(m.subject).toBe('Modersmål: du kan nu henvise mødre til mødregruppen')
    expect(m.text).toContain('Din koordinator har givet dig adgang til at henvise mødre til mødregruppen.')
    expect(m.text).toContain('Your coordinator has given you access to refer mothers')
    expect(m.text).toContain('Linket virker i 3 dage.')
    // To her page on the admin's own address; never the admin's reset view, which she does not use.
    expect(admin.url).toContain(new URL(origin).port)
    const again = await clients.aarhus!.request('POST', `/api/health-visitors/${ids.hanne}/invite`)
    expect([again.status, again.said]).toEqual([429, 'An e-mail went to hanne@example.org less than a minute ago. Wait a minute before sending another.'])
    const log = await clients.admin!.request('GET', `/api/audit-events?where[target][equals]=health-visitors/${ids.hanne}&depth=0`)
    expect(log.json<{ docs: Array<{ summary: string }> }>().docs.map((e) => e.summary)).toContain('aarhus@example.org invited the health visitor hanne@example.org')
  })

  it.each([
    ['aalborg', 404, (): string => `There is no health visitor ${ids.hanne} among yours.`],
    ['admin', 404, (): string => 'There is no health visitor 999999 among yours.'],
  ] as const)('refuses %s an invitation it cannot send (%i), saying why', async (who, status, said) => {
    const id = who === 'admin' ? 999999 : ids.hanne
    const a = await clients[who]!.request('POST', `/api/health-visitors/${id}/invite`)
    expect([a.status, a.said]).toEqual([status, said()])
  })

  it('refuses an invitation from anyone but staff', async () => {
    const anonymous = await fetch(`${admin.url}/api/health-visitors/${ids.hanne}/invite`, { method: 'POST', headers: { origin: admin.url } })
    expect(anonymous.status).toBe(403)
    expect(await anonymous.text()).toContain('Only a coordinator of her municipality, or an admin, can invite a health visitor.')
  })

  it('lets her choose her password from the link, signed in at once, and the link works only once', async () => {
    const { path } = await linkTo('hanne@example.org', 1)
    const form = await page('GET', path, undefined, { cookie: '' })
    expect(form.status).toBe(200)
    expect(form.text).toContain(referText('da', 'passwordTitle'))
    const token = /name="token" value="([0-9a-f]+)"/.exec(form.text)![1]!
    const post = (fields: Record<string, string>) => page('POST', `${refer}?ui=da&do=password`, { token, ...fields }, { cookie: '' })
    const short = await post({ password: 'kort', repeat: 'kort' })
    expect([short.status, short.text.includes(esc(referText('da', 'problemPasswordShort', { min: 10 })))]).toEqual([400, true])
    const differ = await post({ password: 'en-lang-adgangskode', repeat: 'en-anden-adgangskode' })
    expect([differ.status, differ.text.includes(esc(referText('da', 'problemPasswordDiffer')))]).toEqual([400, true])
    const chosen = 'hannes-egen-kode-2026'
    const done = await post({ password: chosen, repeat: chosen })
    expect([done.status, done.location]).toEqual([303, `${refer}?ui=da&welcome=1`])
    expect(done.setCookie).toMatch(/payload-token=[^;]+;.*HttpOnly/i)
    const welcome = await page('GET', done.location!, undefined, { cookie: /payload-token=[^;]+/.exec(done.setCookie)![0] })
    expect(welcome.text).toContain(referText('da', 'passwordSet'))
    expect(welcome.text).toContain(referText('da', 'chooseLanguage'))
    // Her own password is the one now; the first one, which the coordinator knew, no longer works.
    expect((await page('POST', `${refer}?do=signin`, { email: 'hanne@example.org', password }, { cookie: '' })).status).toBe(401)
    const mine = await page('POST', `${refer}?do=signin`, { email: 'hanne@example.org', password: chosen }, { cookie: '' })
    expect(mine.status).toBe(303)
    cookie = /payload-token=[^;]+/.exec(mine.setCookie)![0]
    const reused = await post({ password: 'noget-helt-andet-1', repeat: 'noget-helt-andet-1' })
    expect([reused.status, reused.text.includes(esc(referText('da', 'problemLinkExpired')))]).toEqual([400, true])
  })

  it('sends a link to her when she forgot her password, and answers the same for an address without an account', async () => {
    const known = await page('POST', `${refer}?ui=da&do=forgot`, { email: 'mette@example.org' }, { cookie: '', peer: '198.51.100.20' })
    const unknown = await page('POST', `${refer}?ui=da&do=forgot`, { email: 'nobody@example.org' }, { cookie: '', peer: '198.51.100.20' })
    expect([known.status, unknown.status]).toEqual([200, 200])
    expect(unknown.text.replaceAll('nobody@example.org', 'mette@example.org')).toBe(known.text)
    expect(known.text).toContain(esc(referText('da', 'linkSent', { email: 'mette@example.org' })))
    const { mail: m } = await linkTo('mette@example.org', 1)
    expect(m.subject).toBe('Modersmål: vælg en ny adgangskode')
    expect(mail.received.filter((r) => r.to.includes('nobody@example.org'))).toEqual([])
    expect(admin.log()).not.toContain('nobody@example.org')
  })

  it("sends nothing from Payload's own forgot-password route, pointing to her page, whatever the address", async () => {
    const before = mail.received.length
    const ask = (email: string) =>
      fetch(`${admin.url}/api/health-visitors/forgot-password`, { method: 'POST', headers: { origin: admin.url, 'content-type': 'application/json' }, body: JSON.stringify({ email }) })
    const [known, unknown] = await Promise.all([ask('mette@example.org'), ask('nobody@example.org')])
    expect([known.status, unknown.status]).toEqual([400, 400])
    const [a, b] = await Promise.all([known.text(), unknown.text()])
    expect(a).toBe(b)
    expect(a).toContain('A health visitor asks for a new link on her own page: /api/referrals/refer?do=forgot')
    await new Promise((r) => setTimeout(r, 300))
    expect(mail.received.length).toBe(before)
  })

  it('lets one address try ten sign-ins in ten minutes, then asks it to wait', async () => {
    const peer = '203.0.113.50'
    const statuses = []
    for (let i = 0; i < 11; i++) statuses.push((await page('POST', `${refer}?do=signin`, { email: `guess${i}@example.org`, password: 'guess' }, { cookie: '', peer })).status)
    expect(statuses).toEqual([...Array(10).fill(401), 429])
    const busy = await page('POST', `${refer}?do=signin`, { email: 'hanne@example.org', password: 'hannes-egen-kode-2026' }, { cookie: '', peer })
    expect([busy.status, busy.text.includes(esc(referText('da', 'busySignIn')))]).toEqual([429, true])
    // Another address is not held up.
    expect((await page('POST', `${refer}?do=signin`, { email: 'hanne@example.org', password: 'hannes-egen-kode-2026' }, { cookie: '', peer: '203.0.113.51' })).status).toBe(303)
  })

  it('signs her out', async () => {
    const out = await page('POST', `${refer}?do=signout&ui=da`, {})
    expect(out.status).toBe(303)
    expect(out.setCookie).toMatch(/payload-token=;.*Expires=Thu, 01 Jan 1970|payload-token=;/i)
  })
})
