/**
 * A health visitor refers a mother through the admin's production server, on both databases:
 * the plain pages she signs in and refers on (no JavaScript), the consent in the mother's
 * language, the referral in her municipality's inbox and nowhere else, and her own view of it:
 * the status, never the name or number. Every refusal names its reason and stores nothing.
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

const password = 'test-password-1'
const refer = '/api/referrals/refer'

describe.each(databases)('a health visitor refers, over HTTP on %s', (kind) => {
  let admin: HttpAdmin
  const ids: Record<string, number | string> = {}
  const clients: Record<string, Client> = {}
  let cookie = ''

  /** As her browser: the admin's own origin on posts, her cookie once she has one. */
  const page = async (method: 'GET' | 'POST', pathname: string, body?: Record<string, string>, opts: { origin?: string; cookie?: string; lang?: string } = {}) => {
    const headers: Record<string, string> = { 'accept-language': opts.lang ?? 'da-DK,da;q=0.9' }
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
    admin = await startHttpAdmin(kind, 'health-visitors', async (payload: Payload) => {
      await seedContent(payload, repoContent)
      const idOf = async (slug: string) => (await payload.find({ collection: 'municipalities', where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!.id
      ids.aarhus = await idOf('aarhus')
      ids.aalborg = await idOf('aalborg')
      await createStaff(payload, 'admin')
      await createStaff(payload, 'coordinator', { municipality: ids.aarhus }, 'aarhus@example.org')
      await createStaff(payload, 'coordinator', { municipality: ids.aalborg }, 'aalborg@example.org')
      const hv = await payload.create({ collection: 'health-visitors', overrideAccess: true, data: { email: 'hanne@example.org', password, name: 'Hanne', municipalities: [Number(ids.aarhus)] } })
      ids.hanne = hv.id
    })
    for (const who of ['admin', 'aarhus', 'aalborg']) clients[who] = await admin.signIn(`${who}@example.org`, password)
  })
  afterAll(async () => admin?.stop())

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
    expect(seen.json<{ totalDocs: number }>().totalDocs).toBe(0)
    const listed = await clients.aarhus!.request('GET', '/api/health-visitors?depth=0&sort=email')
    expect(listed.json<{ docs: Array<{ email: string }> }>().docs.map((d) => d.email)).toEqual(['bente@example.org', 'hanne@example.org'])
  })

  it('signs her out', async () => {
    const out = await page('POST', `${refer}?do=signout&ui=da`, {})
    expect(out.status).toBe(303)
    expect(out.setCookie).toMatch(/payload-token=;.*Expires=Thu, 01 Jan 1970|payload-token=;/i)
  })
})
