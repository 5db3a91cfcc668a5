/**
 * The e-mail with the link that lets a health visitor choose her password: the invitation a
 * coordinator sends when she adds her, or the link she asks for herself ("forgot your password").
 * The token is Payload's own (its forgot-password operation, valid auth.forgotPassword.expiration);
 * the link goes to her referral page on the CMS, never to the admin, which she does not use.
 */
import type { PayloadRequest } from 'payload'
import { adminPublicUrl } from '../../admin-origins.ts'
import { esc } from '../Referrals/page.ts'
import { passwordLinkDays, referPath } from '../Referrals/refer/pages.ts'
import { SlidingWindow } from '../Referrals/slidingWindow.ts'

export const passwordLink = (token: string, env: NodeJS.ProcessEnv = process.env) => new URL(`${referPath}?${new URLSearchParams({ do: 'password', token })}`, adminPublicUrl(env)).href

/** The e-mail itself, Danish then English. */
export function passwordMail(token: string, invitation: boolean): { subject: string; html: string } {
  const link = esc(passwordLink(token))
  const a = `<a href="${link}">${link}</a>`
  const [da, en] = invitation
    ? [
        'Din koordinator har givet dig adgang til at henvise mødre til mødregruppen. Vælg din adgangskode her:',
        'Your coordinator has given you access to refer mothers to the mother group. Choose your password here:',
      ]
    : ['Du har bedt om en ny adgangskode til at henvise mødre. Vælg den her:', 'You asked for a new password to refer mothers. Choose it here:']
  return {
    subject: invitation ? 'Modersmål: du kan nu henvise mødre til mødregruppen' : 'Modersmål: vælg en ny adgangskode',
    html: [
      `<p lang="da">${da}<br>${a}<br>Linket virker i ${passwordLinkDays} dage. Har du ikke bedt om det, kan du se bort fra denne e-mail.</p>`,
      `<p lang="en">${en}<br>${a}<br>The link works for ${passwordLinkDays} days. If you did not ask for it, ignore this e-mail.</p>`,
    ].join('\n'),
  }
}

export type LinkSent = 'sent' | 'recent' | 'no-account' | 'failed'

/**
 * A link for her, sent after Payload's operation has stored its token and committed: a slow mail
 * server then holds nobody's save (Payload's own route sends inside its transaction). At most one
 * per address a minute. A failure is logged without the address.
 */
export async function sendPasswordLink(req: PayloadRequest, email: string, invitation: boolean): Promise<LinkSent> {
  const key = email.trim().toLowerCase()
  if (recent.count(key, Date.now()) > 0) return 'recent'
  const token = await req.payload.forgotPassword({ collection: 'health-visitors', data: { email: key }, disableEmail: true, req })
  if (!token) return 'no-account'
  recent.add(key, Date.now())
  try {
    await req.payload.sendEmail({ to: key, ...passwordMail(token, invitation) })
    return 'sent'
  } catch (e) {
    req.payload.logger.error(`E-mail: a health visitor's password link was not sent: ${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`)
    return 'failed'
  }
}
const recent = new SlidingWindow(60_000)

/** For Payload's own route (POST /api/health-visitors/forgot-password): the same e-mail, to her page. */
export const passwordMailSubject = (args?: { token?: string }) => passwordMail(args?.token ?? '', false).subject
export const passwordMailHtml = (args?: { token?: string }) => passwordMail(args?.token ?? '', false).html
