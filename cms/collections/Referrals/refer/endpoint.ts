/**
 * GET and POST /api/referrals/refer: a health visitor refers a mother, on her phone or tablet, in
 * under 30 seconds and without JavaScript. Signed out she gets the sign-in form (her session then
 * lasts 90 days, cms/collections/HealthVisitors/); signed in: her language, then the form with the
 * consent in that language, then a thank-you with the status of the referrals she made.
 *
 * Posts must come from the CMS's own pages (Origin) as small URL-encoded forms; what she typed is
 * never logged, and a refusal gives her the form back as she filled it in, with the reason.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { generateExpiredPayloadCookie, generatePayloadCookie } from 'payload/shared'
import { askLimits, callWithinWorkingDays, isPhoneNumber } from '../../../../content/ask.ts'
import { isLocaleCode } from '../../../../locales/registry.ts'
import { healthVisitorOf, municipalitiesOf, type HealthVisitorUser } from '../../../access/roles.ts'
import { adminOriginsFromEnv } from '../../../admin-origins.ts'
import { pageHeaders, readSmallForm } from '../page.ts'
import type { ReferralStatus } from '../statuses.ts'
import { sendPasswordLink } from '../../HealthVisitors/passwordMail.ts'
import { AddressLimit } from '../slidingWindow.ts'
import { chooseLanguagePage, forgotPage, minPasswordLength, passwordPage, referFormPage, referLimits, referPath, signInPage, type Mine, type ReferSent } from './pages.ts'
import { referLang, referText, type ReferKey, type ReferLang } from './strings.ts'

const html = (body: string, status = 200, headers: Record<string, string> = {}) => new Response(body, { status, headers: { ...pageHeaders(), ...headers } })
const seeOther = (location: string, headers: Record<string, string> = {}) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store', ...headers } })

async function herMunicipalities(req: PayloadRequest, hv: HealthVisitorUser): Promise<Array<{ id: string; name: string }>> {
  const ids = municipalitiesOf(hv)
  if (!ids.length) return []
  const { docs } = await req.payload.find({ collection: 'municipalities', where: { id: { in: ids } }, locale: 'da', depth: 0, limit: ids.length, overrideAccess: true, sort: 'name' })
  return docs.map((m) => ({ id: String(m.id), name: m.name ?? m.slug }))
}

async function herReferrals(req: PayloadRequest): Promise<Mine[]> {
  // As her: the access rules give her own referrals, without names or numbers.
  const { docs } = await req.payload.find({ collection: 'referrals', depth: 0, limit: 50, sort: '-createdAt', overrideAccess: false, user: req.user, req })
  return docs.map((d) => ({ createdAt: d.createdAt, language: d.language, status: d.status as ReferralStatus }))
}

/** Her sign-in cookie, as Payload's own login sets it, from the health visitors' auth settings. */
const cookieSettings = (req: PayloadRequest) => ({ collectionAuthConfig: req.payload.collections['health-visitors'].config.auth, cookiePrefix: req.payload.config.cookiePrefix })

/** Her answers checked as the inbox needs them; the first problem, or the referral's data. */
function check(sent: ReferSent, allowed: string[]): ReferKey | undefined {
  if (!sent.municipality || !allowed.includes(sent.municipality)) return 'problemMunicipality'
  if (!sent.firstName || sent.firstName.length > askLimits.firstName) return 'problemFirstName'
  if (!sent.phone || !isPhoneNumber(sent.phone) || sent.phone.length > askLimits.phone) return 'problemPhone'
  if (sent.babyAgeMonths && !(/^\d{1,2}$/.test(sent.babyAgeMonths) && Number(sent.babyAgeMonths) <= referLimits.babyAgeMonths)) return 'problemBabyAge'
  if ((sent.callTime?.length ?? 0) > referLimits.callTime || (sent.note?.length ?? 0) > referLimits.note) return 'problemTooLong'
  if (!sent.consent) return 'problemConfirm'
  return undefined
}

/**
 * Sign-in, forgotten-password and new-password posts from one address: Payload locks one account
 * after 10 wrong passwords; this stops one address trying many accounts, or mailing many links.
 * Counted in this process (see README "Scaling out").
 */
const passwordPosts = new AddressLimit(10, 50)
const peerOf = (req: PayloadRequest) => req.headers.get('x-modersmal-peer') ?? 'unknown'

/** Her e-mail: a link to choose a password (Payload's forgot-password token). The answer is the same whether or not the address has an account. */
async function forgot(req: PayloadRequest, ui: ReferLang, form: URLSearchParams): Promise<Response> {
  const email = (form.get('email') ?? '').trim().slice(0, 200)
  if (!email) return html(forgotPage(ui), 400)
  try {
    await sendPasswordLink(req, email, false)
  } catch (e) {
    // Logged without the address; she is told the same as anyone, so no answer says who has an account.
    req.payload.logger.error(`A health visitor's password link was not made: ${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`)
  }
  return html(forgotPage(ui, { sentTo: email }))
}

/** From the link: her new password, and she is signed in on this device. */
async function choosePassword(req: PayloadRequest, ui: ReferLang, form: URLSearchParams): Promise<Response> {
  const token = (form.get('token') ?? '').slice(0, 200)
  const password = form.get('password') ?? ''
  if (password.length < minPasswordLength) return html(passwordPage(ui, token, 'problemPasswordShort'), 400)
  if (password !== form.get('repeat')) return html(passwordPage(ui, token, 'problemPasswordDiffer'), 400)
  try {
    const done = await req.payload.resetPassword({ collection: 'health-visitors', data: { token, password }, overrideAccess: true, req })
    if (!done.token) return html(forgotPage(ui, { problem: 'problemLinkExpired' }), 400)
    return seeOther(`${referPath}?ui=${ui}&welcome=1`, { 'set-cookie': generatePayloadCookie({ ...cookieSettings(req), token: done.token }) })
  } catch (e) {
    if ((e as { status?: number }).status === 403) return html(forgotPage(ui, { problem: 'problemLinkExpired' }), 400)
    req.payload.logger.error(`A health visitor's new password could not be saved: ${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`)
    return html(passwordPage(ui, token, 'problemOrigin'), 503)
  }
}

async function signIn(req: PayloadRequest, ui: ReferLang, form: URLSearchParams): Promise<Response> {
  const email = (form.get('email') ?? '').trim().slice(0, 200)
  try {
    const { token } = await req.payload.login({ collection: 'health-visitors', data: { email, password: form.get('password') ?? '' }, req })
    if (!token) return html(signInPage(ui, 'wrongSignIn', email), 401)
    const cookie = generatePayloadCookie({ ...cookieSettings(req), token })
    return seeOther(`${referPath}?ui=${ui}`, { 'set-cookie': cookie })
  } catch (e) {
    const locked = (e as Error).name === 'LockedAuth'
    return html(signInPage(ui, locked ? 'locked' : 'wrongSignIn', email), locked ? 429 : 401)
  }
}

export const referEndpoints: Endpoint[] = [
  {
    path: '/refer',
    method: 'get',
    handler: async (req) => {
      const query = new URL(req.url ?? 'http://x/', 'http://x').searchParams
      const ui = referLang(query.get('ui'), req.headers.get('accept-language'))
      if (query.get('do') === 'forgot') return html(forgotPage(ui))
      if (query.get('do') === 'password') return html(passwordPage(ui, (query.get('token') ?? '').slice(0, 200)))
      const hv = healthVisitorOf(req)
      if (!hv) return html(signInPage(ui))
      const language = query.get('language')
      if (language && isLocaleCode(language)) return html(referFormPage({ ui, sent: { language }, municipalities: await herMunicipalities(req, hv) }))
      const sentTo = query.get('sent')
      const place = sentTo ? (await herMunicipalities(req, hv)).find((m) => m.id === sentTo) : undefined
      const thanks = place ? referText(ui, 'sent', { municipality: place.name, days: callWithinWorkingDays }) : query.get('welcome') ? referText(ui, 'passwordSet') : undefined
      return html(chooseLanguagePage(ui, await herReferrals(req), thanks))
    },
  },
  {
    path: '/refer',
    method: 'post',
    handler: async (req) => {
      const query = new URL(req.url ?? 'http://x/', 'http://x').searchParams
      const ui = referLang(query.get('ui'), req.headers.get('accept-language'))
      const origin = req.headers.get('origin')
      if (!origin || !adminOriginsFromEnv().includes(origin)) return html(signInPage(ui, 'problemOrigin'), 403)
      const form = await readSmallForm(req, referLimits.bodyBytes)
      if (typeof form === 'number') return html(signInPage(ui, 'problemOrigin'), form)

      const action = query.get('do')
      if (action === 'signin' || action === 'forgot' || action === 'password') {
        if (!passwordPosts.admit(peerOf(req))) {
          const busy = action === 'signin' ? signInPage(ui, 'busySignIn') : action === 'forgot' ? forgotPage(ui, { problem: 'busySignIn' }) : passwordPage(ui, form.get('token') ?? '', 'busySignIn')
          return html(busy, 429, { 'retry-after': '600' })
        }
        if (action === 'forgot') return forgot(req, ui, form)
        if (action === 'password') return choosePassword(req, ui, form)
        return signIn(req, ui, form)
      }
      if (action === 'signout') return seeOther(`${referPath}?ui=${ui}`, { 'set-cookie': generateExpiredPayloadCookie(cookieSettings(req)) })

      const hv = healthVisitorOf(req)
      if (!hv) return html(signInPage(ui), 401)
      const field = (name: string) => (form.get(name) ?? '').trim()
      const language = field('language')
      if (!isLocaleCode(language)) return seeOther(`${referPath}?ui=${ui}`)
      const sent: ReferSent = {
        language,
        firstName: field('firstName'),
        phone: field('phone'),
        municipality: field('municipality'),
        babyAgeMonths: field('babyAgeMonths'),
        callTime: field('callTime'),
        interpreter: field('interpreter') === 'yes',
        note: field('note'),
        consent: field('consent') === 'yes',
      }
      const municipalities = await herMunicipalities(req, hv)
      const problem = check(
        sent,
        municipalities.map((m) => m.id),
      )
      if (problem) return html(referFormPage({ ui, sent, municipalities, problem }), 400)
      try {
        await req.payload.create({
          collection: 'referrals',
          overrideAccess: false,
          user: req.user,
          req,
          data: {
            firstName: sent.firstName!,
            phone: sent.phone!,
            language,
            municipality: Number(sent.municipality),
            babyAgeMonths: sent.babyAgeMonths ? Number(sent.babyAgeMonths) : undefined,
            callTime: sent.callTime || undefined,
            interpreter: sent.interpreter,
            note: sent.note || undefined,
            consent: true,
            source: 'health-visitor',
            status: 'new',
          },
        })
      } catch (e) {
        // The reason only (a field's name, a database fault): never what she typed.
        req.payload.logger.error(`A health visitor's referral could not be stored: ${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`)
        return html(referFormPage({ ui, sent, municipalities, problem: 'problemGone' }), 503)
      }
      return seeOther(`${referPath}?${new URLSearchParams({ ui, sent: sent.municipality! })}`)
    },
  },
]
