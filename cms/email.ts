/**
 * E-mail from the CMS: real SMTP through nodemailer when SMTP_URL is set
 * (`smtp://user:password@host:587`, or `smtps://` for TLS from the start), from MODERSMAL_MAIL_FROM.
 *
 * A Payload email adapter of our own, a few lines over nodemailer: Payload's
 * @payloadcms/email-nodemailer is at 3.90.1 on the registry while the rest of Payload is at 3.90.2,
 * and Payload refuses a family of mixed versions (its dependency checker); without a transport
 * that adapter would also fall back to a third-party test service.
 *
 * Without SMTP_URL nothing is sent, and the console says so. Payload's own fallback would write
 * every e-mail to the console instead, with its text (a password-reset link is a key to an account).
 */
import nodemailer, { type SendMailOptions } from 'nodemailer'
import type { EmailAdapter } from 'payload'

export const noSmtpMessage = 'E-mail: SMTP_URL is not set, so no e-mail is sent (the referral inbox works without it).'

/** The sender, from MODERSMAL_MAIL_FROM ("Name <address>" or an address). */
export function mailFrom(env: Record<string, string | undefined> = process.env): { name: string; address: string } {
  const given = env.MODERSMAL_MAIL_FROM?.trim()
  const match = given ? /^(?:(.*?)\s*<([^<>\s]+@[^<>\s]+)>|([^<>\s]+@[^<>\s]+))$/.exec(given) : null
  if (given && !match) throw new Error(`MODERSMAL_MAIL_FROM must be an e-mail address or "Name <address>", not "${given}"`)
  return { name: match?.[1] || 'Modersmål', address: match?.[2] ?? match?.[3] ?? 'modersmaal@localhost' }
}

function smtpOptions(url: string) {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    throw new Error('SMTP_URL is not a URL: write smtp://user:password@host:587 or smtps://…')
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error(`SMTP_URL must start with smtp:// or smtps://, not ${u.protocol}//`)
  const secure = u.protocol === 'smtps:'
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 587)),
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    // A mail server that does not answer must not hold a save for minutes (nodemailer's default).
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  }
}

/** Says at start that nothing is sent, and sends nothing: no text of any e-mail reaches the log. */
const noEmail: EmailAdapter = ({ payload }) => {
  payload.logger.info(noSmtpMessage)
  const from = mailFrom()
  return {
    name: 'none',
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    sendEmail: async (message) => {
      payload.logger.info(`E-mail: not sent (SMTP_URL is not set): "${String(message.subject ?? '').slice(0, 120)}"`)
    },
  }
}

export function emailAdapter(env: Record<string, string | undefined> = process.env): EmailAdapter {
  if (!env.SMTP_URL) return noEmail
  const from = mailFrom(env)
  // Not verified at start: a mail server that is down must not hold the admin's start either;
  // each send that fails is logged by its caller, and the inbox does not depend on it.
  const transport = nodemailer.createTransport(smtpOptions(env.SMTP_URL))
  return () => ({
    name: 'smtp',
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    sendEmail: (message) => transport.sendMail({ ...message, from: message.from ?? { name: from.name, address: from.address } } as SendMailOptions),
  })
}
