/**
 * POST /api/referrals/ask: a mother's own "call me", posted by the form on her landing page (no
 * account, no JavaScript needed). Abuse is expected, so in this order:
 *   1. the post must come from the public site's pages or this answer page (Origin), be a small
 *      url-encoded form, and name a language and a group we have;
 *   2. each sending address may post a few times (429 past that, in her language, with the
 *      group's phone); the post must hold a phone number and her yes;
 *   3. a filled honeypot, or a number asked for too often, is answered exactly like a stored
 *      referral and not stored: no answer says whether a number is already known.
 * A stored referral sends her to the site's thank-you page (303). Nothing she sent is logged.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { askFields, askLimits, isPhoneNumber } from '../../../../content/ask.ts'
import { urls } from '../../../../content/urls.ts'
import { isLocaleCode, type LocaleCode } from '../../../../locales/registry.ts'
import { adminOriginsFromEnv, siteOriginsFromEnv } from '../../../admin-origins.ts'
import { peerHeader } from '../../../peer.ts'
import { readSmallForm } from '../page.ts'
import { answerHeaders, answerPage, type AnswerPage } from './answerPage.ts'
import { AskCounter, askLimitsFromEnv } from './limits.ts'
import { answerLocale, type AskKey } from './strings.ts'

interface Municipality {
  id: number | string
  slug: string
  contact?: { phone?: string | null } | null
}

const findMunicipality = async (req: PayloadRequest, slug: string): Promise<Municipality | undefined> => {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return undefined
  // As the public: a published group only.
  const { docs } = await req.payload.find({
    collection: 'municipalities',
    where: { or: [{ slug: { equals: slug } }, { formerSlugs: { in: [slug] } }] },
    limit: 1,
    depth: 0,
    overrideAccess: false,
    req: { ...req, user: null } as PayloadRequest,
  })
  return docs[0] as Municipality | undefined
}

export function askEndpoint(counter = new AskCounter(askLimitsFromEnv())): Endpoint {
  return {
    path: '/ask',
    method: 'post',
    handler: async (req) => {
      const query = new URL(req.url ?? 'http://x/', 'http://x').searchParams
      let lang: LocaleCode = answerLocale(query.get('lang'))
      const sites = siteOriginsFromEnv()
      const origin = req.headers.get('origin')
      // Back to the address she came from (localhost or 127.0.0.1, www or not), if it is ours.
      const site = origin && sites.includes(origin) ? origin : sites[0]!
      const refuse = (status: number, problem: AskKey, rest: Partial<AnswerPage> = {}) => new Response(answerPage({ lang, problem, site, sent: {}, ...rest }), { status, headers: answerHeaders(site) })

      if (!origin || ![...sites, ...adminOriginsFromEnv()].includes(origin)) return refuse(403, 'problemOrigin')
      const form = await readSmallForm(req, askLimits.bodyBytes)
      if (typeof form === 'number') return refuse(form, 'problemOrigin')
      const field = (name: string) => (form.get(name) ?? '').trim()
      const language = field(askFields.language)
      if (isLocaleCode(language)) lang = language
      const sent = { phone: field(askFields.phone), firstName: field(askFields.firstName), consent: field(askFields.consent) === 'yes' }
      const municipality = await findMunicipality(req, field(askFields.municipality))
      if (!isLocaleCode(language) || !municipality) return refuse(400, 'problemOrigin')
      const page = { sent: { ...sent, municipality: municipality.slug }, groupPhone: municipality.contact?.phone ?? undefined }
      // Every well-addressed post counts, well-formed or not; past the limit she is offered the group's phone.
      if (!counter.admitAddress(req.headers.get(peerHeader) ?? 'unknown')) return refuse(429, 'problemBusy', page)
      if (!isPhoneNumber(sent.phone) || sent.phone.length > askLimits.phone) return refuse(400, 'problemPhone', page)
      if (sent.firstName.length > askLimits.firstName) return refuse(400, 'problemFirstName', page)
      if (!sent.consent) return refuse(400, 'problemConsent', page)

      const thanks = new Response(null, { status: 303, headers: { location: new URL(urls.asked(lang, municipality.slug), site).href, 'cache-control': 'no-store' } })
      if (field(askFields.honeypot) !== '') return thanks
      const verdict = counter.admitReferral(sent.phone)
      if (verdict === 'drop') return thanks
      if (verdict === 'busy-all') return refuse(503, 'problemGone', page)
      try {
        await req.payload.create({
          collection: 'referrals',
          overrideAccess: true,
          data: { firstName: sent.firstName || undefined, phone: sent.phone, language, municipality: municipality.id as number, consent: true, source: 'mother', status: 'new' },
        })
      } catch (e) {
        // The reason only (a field's name, a database fault): never what she typed.
        req.payload.logger.error(`A mother's referral could not be stored: ${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`)
        return refuse(503, 'problemGone', page)
      }
      return thanks
    },
  }
}
