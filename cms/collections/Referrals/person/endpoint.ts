/**
 * A mother's rights over what the inbox holds about her (GDPR articles 15 and 17): on her request
 * a coordinator exports it, or deletes it, from any one of her referrals.
 *   GET    /api/referrals/:id/person   everything kept about her, as a JSON file to hand over
 *   DELETE /api/referrals/:id/person   every referral of hers, at once
 * "Her" is every referral with the same phone number that the coordinator may see (the number
 * however it was written: content/ask.ts phoneKey). Only those who may read her name and number
 * may do either (the admins, her municipality's coordinators); each is in the audit log, which
 * names the referrals, never her.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { phoneKey } from '../../../../content/ask.ts'
import { getLocale, isLocaleCode } from '../../../../locales/registry.ts'
import { healthVisitorOf, staffOf } from '../../../access/roles.ts'
import { inAdminLanguage } from '../../../adminLanguage.ts'
import { relationId } from '../../../fields/relationId.ts'
import { recordAuditEvent } from '../../../hooks/recordAudit.ts'
import type { Referral } from '../../../payload-types.ts'
import { deletedAtTheLatest, retentionFromEnv } from '../retention.ts'

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body, null, 2), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } })
const refuse = (req: PayloadRequest, status: number, text: { da: string; en: string }) => json({ errors: [{ message: inAdminLanguage(req, text) }] }, status)
const onlyTheInbox = {
  da: 'Kun indbakkens koordinatorer og administratorerne kan hente eller slette en mors oplysninger.',
  en: 'Only the inbox’s coordinators and the admins can export or delete a mother’s data.',
}

/** Her referrals, as this coordinator may see them: 401/403/404 with the reason, or the list. */
async function hers(req: PayloadRequest): Promise<Referral[] | Response> {
  const staff = staffOf(req)
  if (healthVisitorOf(req)) return refuse(req, 403, onlyTheInbox)
  if (!staff)
    return refuse(req, 401, {
      da: 'Log ind i adminen: kun indbakkens koordinatorer og administratorerne kan hente eller slette en mors oplysninger.',
      en: 'Sign in to the admin: only the inbox’s coordinators and the admins can export or delete a mother’s data.',
    })
  if (staff.role !== 'admin' && staff.role !== 'coordinator') return refuse(req, 403, onlyTheInbox)
  const id = String(req.routeParams?.id ?? '')
  const asHer = { overrideAccess: false, user: req.user, req, depth: 0 } as const
  // Her own inbox only: another municipality's referral answers as if it did not exist.
  const { docs: found } = await req.payload.find({ collection: 'referrals', ...asHer, where: { id: { equals: id } }, limit: 1 })
  const one = found[0]
  if (!one?.phone) return refuse(req, 404, { da: `Der er ingen henvisning ${id} i din indbakke.`, en: `There is no referral ${id} in your inbox.` })
  const key = phoneKey(one.phone)
  // The number is sealed with a fresh IV per value, so no query can match it: read and compare.
  const { docs } = await req.payload.find({ collection: 'referrals', ...asHer, limit: 0, pagination: false, sort: 'createdAt' })
  return docs.filter((d) => d.phone && phoneKey(d.phone) === key)
}

async function names(req: PayloadRequest, collection: 'municipalities' | 'health-visitors', ids: unknown[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.map((i) => relationId(i)).filter((i) => i !== null && i !== undefined))]
  if (!wanted.length) return new Map()
  const { docs } = await req.payload.find({ collection, where: { id: { in: wanted } }, locale: 'da', depth: 0, limit: wanted.length, overrideAccess: true })
  return new Map(docs.map((d) => [String(d.id), String(('name' in d && d.name) || ('slug' in d && d.slug) || d.id)]))
}

export const personEndpoints: Endpoint[] = [
  {
    path: '/:id/person',
    method: 'get',
    handler: async (req) => {
      const list = await hers(req)
      if (list instanceof Response) return list
      const [places, visitors] = await Promise.all([
        names(
          req,
          'municipalities',
          list.map((r) => r.municipality),
        ),
        names(
          req,
          'health-visitors',
          list.map((r) => r.referredBy),
        ),
      ])
      const at = new Date().toISOString()
      const retention = retentionFromEnv()
      const body = {
        about: {
          da: 'Alt, Modersmål har gemt om denne mor: hendes henvisninger til mødregruppen. Det bruges kun til at ringe til hende om gruppen, ses kun af gruppens koordinatorer og programmets administratorer, og slettes senest på den dato, der står ved hver henvisning.',
          en: 'Everything Modersmål keeps about this mother: her referrals to the mother group. It is used only to call her about the group, seen only by the group’s coordinators and the programme’s administrators, and deleted at the latest on the date given with each referral.',
        },
        exportedAt: at,
        referrals: list.map((r) => ({
          id: r.id,
          createdAt: r.createdAt,
          firstName: r.firstName ?? null,
          phone: r.phone,
          language: isLocaleCode(r.language) ? `${getLocale(r.language).endonym} (${getLocale(r.language).name})` : r.language,
          municipality: places.get(String(relationId(r.municipality))) ?? null,
          babyAgeMonths: r.babyAgeMonths ?? null,
          callTime: r.callTime ?? null,
          interpreter: r.interpreter ?? false,
          note: r.note ?? null,
          consent: r.consent,
          source: r.source,
          referredBy: r.referredBy ? (visitors.get(String(relationId(r.referredBy))) ?? null) : null,
          status: r.status,
          takenAt: r.takenAt ?? null,
          closedAt: r.closedAt ?? null,
          deletedAtTheLatest: deletedAtTheLatest(r, retention),
        })),
      }
      await recordAuditEvent(req, {
        action: 'export',
        target: `referrals/${list[0]!.id}`,
        fields: list.map((r) => `referrals/${r.id}`),
        summary: `${staffOf(req)!.email} exported a mother's data on her request (${list.length} ${list.length === 1 ? 'referral' : 'referrals'})`,
      })
      return json(body, 200, { 'content-disposition': `attachment; filename="modersmal-referral-${list[0]!.id}.json"` })
    },
  },
  {
    path: '/:id/person',
    method: 'delete',
    handler: async (req) => {
      const list = await hers(req)
      if (list instanceof Response) return list
      // As her: a referral she may not delete stays, and is counted as such.
      const { docs, errors } = await req.payload.delete({ collection: 'referrals', where: { id: { in: list.map((r) => r.id) } }, overrideAccess: false, user: req.user, req, depth: 0 })
      if (errors.length)
        return refuse(req, 500, {
          da: `${docs.length} af ${list.length} henvisninger blev slettet; ${errors.length} kunne ikke. Prøv igen: intet andet er ændret.`,
          en: `${docs.length} of ${list.length} referrals were deleted; ${errors.length} could not be. Try again: nothing else was changed.`,
        })
      return json({
        deleted: docs.length,
        message: inAdminLanguage(req, {
          da: `${docs.length} ${docs.length === 1 ? 'henvisning' : 'henvisninger'} slettet: intet om hende er gemt.`,
          en: `Deleted ${docs.length} ${docs.length === 1 ? 'referral' : 'referrals'}: nothing about her is kept.`,
        }),
      })
    },
  },
]
