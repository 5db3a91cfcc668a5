/**
 * The inbox's e-mail without a server: what it says (and that it can say nothing of her), and
 * that a burst of referrals is one e-mail at once and one more that counts the rest, per
 * municipality. The real sending, through SMTP, is in tests/http/referrals.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Payload } from 'payload'
import { InboxNotifier, inboxMail, inboxUrl, notifyInbox, quietSecondsFromEnv } from '../../cms/collections/Referrals/notifyInbox.ts'
import { mailFrom } from '../../cms/email.ts'

describe("the inbox's e-mail", () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('says how many are new and where, in Danish and English, with the link, and has no field for anything else', () => {
    const m = inboxMail({ to: 'aarhus@example.org', place: 'Aarhus', count: 3, inboxUrl: 'https://cms.example/admin/collections/referrals' })
    expect(m.subject).toBe('Modersmål: 3 nye henvisninger i Aarhus')
    expect(m.text).toContain('Der er 3 nye henvisninger til mødregruppen i Aarhus.')
    expect(m.text).toContain('There are 3 new referrals for the mother group in Aarhus.')
    expect(m.text).toContain('https://cms.example/admin/collections/referrals')
    expect(Object.keys(m).sort()).toEqual(['subject', 'text', 'to'])
  })

  it("links to the municipality's new referrals on the admin's public address", () => {
    expect(inboxUrl(7, { CMS_PUBLIC_URL: 'https://cms.example' })).toBe('https://cms.example/admin/collections/referrals?where%5Bmunicipality%5D%5Bequals%5D=7&where%5Bstatus%5D%5Bequals%5D=new')
  })

  it('sends the first at once, then one per quiet period per municipality that counts the rest', async () => {
    const sent: Array<[string | number, number]> = []
    const n = new InboxNotifier(async (m, count) => void sent.push([m, count]), 600_000)
    n.add(1)
    n.add(1)
    n.add(2)
    n.add(1)
    expect(sent).toEqual([
      [1, 1],
      [2, 1],
    ])
    await vi.advanceTimersByTimeAsync(600_000)
    expect(sent.slice(2)).toEqual([[1, 2]])
    // Quiet again after a period with nothing new: the next one goes at once.
    await vi.advanceTimersByTimeAsync(600_000)
    n.add(2)
    n.add(1)
    expect(sent.slice(3)).toEqual([
      [2, 1],
      [1, 1],
    ])
  })

  it('mails each database its own municipalities when one process runs two (SQLite, then PostgreSQL)', async () => {
    const hook = notifyInbox(600_000)
    const sent: string[] = []
    // Just what the hook asks of Payload: each instance knows only its own municipality 1.
    const instance = (place: string) =>
      ({
        findByID: async () => ({ slug: place, name: place, contact: { email: `${place}@example.org` } }),
        sendEmail: async ({ to }: { to: string }) => void sent.push(to),
        logger: { error: (m: string) => sent.push(`error: ${m}`) },
      }) as unknown as Payload
    const referral = (payload: Payload) => hook({ doc: { municipality: 1 }, operation: 'create', req: { payload } } as never)
    const [first, second] = [instance('aalborg'), instance('aarhus')]
    referral(first)
    referral(first)
    referral(second)
    await vi.advanceTimersByTimeAsync(600_000)
    expect(sent).toEqual(['aalborg@example.org', 'aarhus@example.org', 'aalborg@example.org'])
  })

  it('refuses a sender or quiet period it cannot read, saying what it expects', () => {
    expect(mailFrom({ MODERSMAL_MAIL_FROM: 'Mødregruppen <inbox@drc.example>' })).toEqual({ name: 'Mødregruppen', address: 'inbox@drc.example' })
    expect(mailFrom({})).toEqual({ name: 'Modersmål', address: 'modersmaal@localhost' })
    expect(() => mailFrom({ MODERSMAL_MAIL_FROM: 'not an address' })).toThrow('MODERSMAL_MAIL_FROM must be an e-mail address or "Name <address>", not "not an address"')
    expect(() => quietSecondsFromEnv('ten')).toThrow('MODERSMAL_INBOX_MAIL_QUIET_S must be a whole number of seconds, not "ten"')
    expect(quietSecondsFromEnv(undefined)).toBe(600)
  })
})
