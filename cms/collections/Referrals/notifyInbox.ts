/**
 * "A new referral in Aarhus: open the inbox": an e-mail to the municipality's shared address
 * (its contact e-mail, never one person's) for each new referral, with no personal data in it: no
 * name, no number, no language, not even whether the mother or a health visitor sent it. Only the
 * place, how many, and the link to the inbox, where the coordinator signs in to see more.
 *
 * The referral is stored whatever happens to the e-mail: it is sent after the save, without the
 * save waiting for it, and a failure is logged (the address and the reason only). A burst (a
 * morning's referrals, or a bot past the form's limits) is one e-mail per quiet period per
 * municipality: the first at once, then one that counts the rest.
 */
import type { CollectionAfterChangeHook, Payload } from 'payload'
import { adminPublicUrl } from '../../admin-origins.ts'
import { relationId } from '../../fields/relationId.ts'

export interface InboxMail {
  to: string
  subject: string
  text: string
}

/** The e-mail for `count` new referrals in a municipality, Danish first (the staff's language). */
export function inboxMail(a: { to: string; place: string; count: number; inboxUrl: string }): InboxMail {
  const da = a.count === 1 ? `en ny henvisning` : `${a.count} nye henvisninger`
  const en = a.count === 1 ? `a new referral` : `${a.count} new referrals`
  return {
    to: a.to,
    subject: `Modersmål: ${da} i ${a.place}`,
    text: [
      `Der er ${da} til mødregruppen i ${a.place}. Åbn indbakken for at se, hvem der skal ringes til:`,
      a.inboxUrl,
      '',
      `There ${a.count === 1 ? 'is' : 'are'} ${en} for the mother group in ${a.place}. Open the inbox to see whom to call:`,
      a.inboxUrl,
      '',
      '-- ',
      'Denne e-mail indeholder ingen personoplysninger; de står kun i indbakken. / This e-mail holds no personal data; that is in the inbox only.',
    ].join('\n'),
  }
}

/** The admin's list of one municipality's new referrals, made before `before` if given. */
export function inboxPath(municipality: number | string, before?: Date): string {
  const query = new URLSearchParams({ 'where[municipality][equals]': String(municipality), 'where[status][equals]': 'new' })
  if (before) query.set('where[createdAt][less_than]', before.toISOString())
  return `/admin/collections/referrals?${query}`
}

/** The same inbox on the admin's public address, for an e-mail. */
export function inboxUrl(municipality: number | string, env: Record<string, string | undefined> = process.env): string {
  return new URL(inboxPath(municipality), adminPublicUrl(env as NodeJS.ProcessEnv)).href
}

export const quietSecondsFromEnv = (value = process.env.MODERSMAL_INBOX_MAIL_QUIET_S): number => {
  if (value === undefined || value === '') return 600
  if (!/^\d+$/.test(value)) throw new Error(`MODERSMAL_INBOX_MAIL_QUIET_S must be a whole number of seconds, not "${value}"`)
  return Number(value)
}

/** One e-mail at once, then at most one per quiet period per municipality, counting the rest. */
export class InboxNotifier {
  /** The municipalities in a quiet period, and how many came since its start. */
  private readonly waiting = new Map<string, number>()
  constructor(
    private readonly send: (municipality: number | string, count: number) => Promise<void>,
    private readonly quietMs: number,
  ) {}

  add(municipality: number | string): void {
    const key = String(municipality)
    const held = this.waiting.get(key)
    if (held !== undefined) {
      this.waiting.set(key, held + 1)
      return
    }
    void this.send(municipality, 1)
    this.quiet(municipality)
  }

  private quiet(municipality: number | string): void {
    const key = String(municipality)
    this.waiting.set(key, 0)
    setTimeout(() => {
      const held = this.waiting.get(key)
      this.waiting.delete(key)
      if (held) {
        void this.send(municipality, held)
        this.quiet(municipality)
      }
    }, this.quietMs).unref()
  }
}

async function sendInboxMail(payload: Payload, municipality: number | string, count: number): Promise<void> {
  try {
    const m = await payload.findByID({ collection: 'municipalities', id: municipality, depth: 0, locale: 'da', draft: true, overrideAccess: true })
    const to = m.contact?.email
    if (!to) return
    await payload.sendEmail(inboxMail({ to, place: m.name ?? m.slug, count, inboxUrl: inboxUrl(municipality) }))
  } catch (e) {
    payload.logger.error(`E-mail: the note of ${count} new referral(s) for municipality ${municipality} was not sent: ${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`)
  }
}

export function notifyInbox(quietMs = quietSecondsFromEnv() * 1000): CollectionAfterChangeHook {
  // One notifier per Payload: the collection's hooks are shared by every instance in a process (a
  // test runs SQLite, then PostgreSQL), and a later count must be looked up where it was stored.
  const notifiers = new WeakMap<Payload, InboxNotifier>()
  return ({ doc, operation, req }) => {
    if (operation !== 'create') return doc
    const { payload } = req
    let notifier = notifiers.get(payload)
    if (!notifier) {
      notifier = new InboxNotifier((municipality, count) => sendInboxMail(payload, municipality, count), quietMs)
      notifiers.set(payload, notifier)
    }
    const municipality = relationId(doc.municipality)
    if (typeof municipality === 'number' || typeof municipality === 'string') notifier.add(municipality)
    return doc
  }
}
