/**
 * Referrals are kept only as long as the group needs them: deleted a set number of days after
 * they were closed (the group has its answer), and at the latest a set number of days after they
 * were made, whatever their state. The admin process runs this every hour; each deletion is in the
 * audit log (which holds no personal data), and the console says how many, never whose.
 */
import type { Payload, Where } from 'payload'

export interface Retention {
  afterClosedDays: number
  afterCreatedDays: number
}

const days = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${name} must be a whole number of days (1 or more), not "${value}"`)
  return Number(value)
}

/** MODERSMAL_REFERRAL_DAYS_AFTER_CLOSED (30) and MODERSMAL_REFERRAL_DAYS_AT_MOST (180). */
export const retentionFromEnv = (env: Record<string, string | undefined> = process.env): Retention => ({
  afterClosedDays: days('MODERSMAL_REFERRAL_DAYS_AFTER_CLOSED', env.MODERSMAL_REFERRAL_DAYS_AFTER_CLOSED, 30),
  afterCreatedDays: days('MODERSMAL_REFERRAL_DAYS_AT_MOST', env.MODERSMAL_REFERRAL_DAYS_AT_MOST, 180),
})

const dayMs = 24 * 60 * 60 * 1000

/** The day the job deletes a referral at the latest: its time after being made, or after being closed. */
export function deletedAtTheLatest(r: { createdAt: string; closedAt?: string | null }, retention: Retention = retentionFromEnv()): string {
  const times = [new Date(r.createdAt).getTime() + retention.afterCreatedDays * dayMs]
  if (r.closedAt) times.push(new Date(r.closedAt).getTime() + retention.afterClosedDays * dayMs)
  return new Date(Math.min(...times)).toISOString().slice(0, 10)
}

/** Deletes every referral past its time; returns how many. */
export async function deleteExpiredReferrals(payload: Payload, retention: Retention = retentionFromEnv(), now = new Date()): Promise<number> {
  const before = (n: number) => new Date(now.getTime() - n * dayMs).toISOString()
  const where: Where = { or: [{ closedAt: { less_than: before(retention.afterClosedDays) } }, { createdAt: { less_than: before(retention.afterCreatedDays) } }] }
  const { docs, errors } = await payload.delete({ collection: 'referrals', where, overrideAccess: true, depth: 0 })
  if (errors.length) payload.logger.error(`Retention: ${errors.length} referrals past their time could not be deleted; the next run tries again.`)
  if (docs.length)
    payload.logger.info(`Retention: deleted ${docs.length} referrals (closed more than ${retention.afterClosedDays} days ago, or made more than ${retention.afterCreatedDays} days ago).`)
  return docs.length
}

/** In the admin process (MODERSMAL_RETENTION=1): a minute after start, then every hour. */
export function scheduleRetention(payload: Payload, env: Record<string, string | undefined> = process.env): void {
  if (env.MODERSMAL_RETENTION !== '1') return
  const retention = retentionFromEnv(env)
  const run = () =>
    void deleteExpiredReferrals(payload, retention).catch((e: Error) => payload.logger.error(`Retention: the run failed (${e.name}: ${e.message.slice(0, 200)}); the next run tries again.`))
  setTimeout(run, 60_000).unref()
  setInterval(run, 60 * 60 * 1000).unref()
}
