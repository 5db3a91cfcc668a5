/**
 * A referral still "new" after the working days the thank-you page promises (content/ask.ts) is
 * overdue: the dashboard flags it, per municipality, for the coordinators who share the inbox.
 * Working days: ./workingDays.ts (Monday to Friday in Danish time, without the days the offices close).
 */
import type { Payload } from 'payload'
import { callWithinWorkingDays } from '../../../content/ask.ts'
import { inboxPath } from './notifyInbox.ts'
import { isWorkingDay } from './workingDays.ts'

const dayMs = 24 * 60 * 60 * 1000

/** The moment `days` working days before `now`: a referral made before it and still new is overdue. */
export function overdueCutoff(now: Date, days = callWithinWorkingDays): Date {
  let at = now.getTime()
  for (let left = days; left > 0; ) {
    at -= dayMs
    if (isWorkingDay(at)) left--
  }
  return new Date(at)
}

export interface Overdue {
  municipality: { id: number | string; name: string }
  count: number
  /** Its overdue referrals in the admin's inbox. */
  inbox: string
}

/** The overdue referrals this person may see, counted per municipality (nothing of the mothers is read). */
export async function overdueReferrals(payload: Payload, user: unknown, now = new Date()): Promise<Overdue[]> {
  const cutoff = overdueCutoff(now)
  const { docs } = await payload.find({
    collection: 'referrals',
    where: { and: [{ status: { equals: 'new' } }, { createdAt: { less_than: cutoff.toISOString() } }] },
    select: { municipality: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    user,
  })
  const counts = new Map<string, number>()
  for (const d of docs) counts.set(String(d.municipality), (counts.get(String(d.municipality)) ?? 0) + 1)
  if (!counts.size) return []
  const { docs: places } = await payload.find({
    collection: 'municipalities',
    where: { id: { in: [...counts.keys()] } },
    locale: 'da',
    depth: 0,
    limit: counts.size,
    overrideAccess: true,
    sort: 'name',
  })
  return places.map((m) => ({ municipality: { id: m.id, name: m.name ?? m.slug }, count: counts.get(String(m.id)) ?? 0, inbox: inboxPath(m.id, cutoff) }))
}
