/**
 * POST /api/health-visitors/:id/invite: her coordinator (or an admin) sends a health visitor the
 * e-mail that lets her choose her own password and sign in on her phone (./passwordMail.ts).
 * Sent again on request (a lost e-mail, a new phone); each sending is in the audit log.
 */
import type { Endpoint } from 'payload'
import { staffOf } from '../../access/roles.ts'
import { inAdminLanguage } from '../../adminLanguage.ts'
import { recordAuditEvent } from '../../hooks/recordAudit.ts'
import { passwordLinkDays } from '../Referrals/refer/pages.ts'
import { sendPasswordLink } from './passwordMail.ts'

const answer = (status: number, message: string) =>
  new Response(JSON.stringify(status < 400 ? { message } : { errors: [{ message }] }), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } })

export const inviteEndpoint: Endpoint = {
  path: '/:id/invite',
  method: 'post',
  handler: async (req) => {
    const say = (text: { da: string; en: string }) => inAdminLanguage(req, text)
    const staff = staffOf(req)
    if (staff?.role !== 'admin' && staff?.role !== 'coordinator')
      return answer(
        403,
        say({
          da: 'Kun en koordinator i hendes kommune, eller en administrator, kan invitere en sundhedsplejerske.',
          en: 'Only a coordinator of her municipality, or an admin, can invite a health visitor.',
        }),
      )
    const id = String(req.routeParams?.id ?? '')
    // As the coordinator: a health visitor of another municipality answers as if she did not exist.
    const { docs } = await req.payload.find({ collection: 'health-visitors', where: { id: { equals: id } }, overrideAccess: false, user: req.user, req, depth: 0, limit: 1 })
    const hv = docs[0]
    if (!hv) return answer(404, say({ da: `Der er ingen sundhedsplejerske ${id} blandt dine.`, en: `There is no health visitor ${id} among yours.` }))
    if ((req.payload.email as { name?: string } | undefined)?.name === 'none')
      return answer(
        503,
        say({
          da: 'Denne admin sender ingen e-mails (SMTP_URL er ikke sat): giv hende i stedet en første adgangskode på hendes konto.',
          en: 'No e-mail is sent from this admin (SMTP_URL is not set): give her a first password in her account instead.',
        }),
      )
    const sent = await sendPasswordLink(req, hv.email, true)
    if (sent === 'recent')
      return answer(
        429,
        say({
          da: `Der gik en e-mail til ${hv.email} for under et minut siden. Vent et minut, før du sender en til.`,
          en: `An e-mail went to ${hv.email} less than a minute ago. Wait a minute before sending another.`,
        }),
      )
    if (sent !== 'sent')
      return answer(
        502,
        say({
          da: `Invitationen til ${hv.email} kunne ikke sendes: mailserveren tog ikke imod den. Prøv igen senere; adminens log siger hvorfor.`,
          en: `The invitation to ${hv.email} could not be sent: the mail server did not take it. Try again later; the admin's log says why.`,
        }),
      )
    await recordAuditEvent(req, { action: 'access', target: `health-visitors/${hv.id}`, summary: `${staff.email} invited the health visitor ${hv.email}` })
    return answer(
      200,
      say({ da: `Invitationen er på vej til ${hv.email}. Linket virker i ${passwordLinkDays} dage.`, en: `The invitation is on its way to ${hv.email}. Its link works for ${passwordLinkDays} days.` }),
    )
  },
}
