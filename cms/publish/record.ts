/**
 * The publish record in the database (cms/globals/PublishRecord.ts): what every admin server
 * shows, whichever of them published. The local status file (status.ts) still says what this
 * server's publisher is doing and why its last run died, which only it can know.
 */
import type { Payload } from 'payload'
import type { PublishStatus } from './status.ts'

export type PublishRecord = Pick<PublishStatus, 'lastSuccess' | 'lastError'>

const slug = 'publish-record'

export async function readRecord(payload: Payload): Promise<PublishRecord> {
  const g = (await payload.findGlobal({ slug, overrideAccess: true, depth: 0 })) as { lastSuccess?: PublishRecord['lastSuccess'] | null; lastError?: PublishRecord['lastError'] | null }
  return { lastSuccess: g.lastSuccess ?? undefined, lastError: g.lastError ?? undefined }
}

/** A success clears the error, as in the status file. */
export async function writeRecord(payload: Payload, next: PublishRecord): Promise<void> {
  const data = next.lastSuccess ? { lastSuccess: next.lastSuccess, lastError: null } : { lastError: next.lastError ?? null }
  await payload.updateGlobal({ slug, data, overrideAccess: true, depth: 0 })
}

const newest = <T extends { at: string }>(a: T | undefined, b: T | undefined): T | undefined => (!a ? b : !b ? a : a.at >= b.at ? a : b)

/**
 * What an admin shows: the newest success and failure of either source, a failure only while no
 * success came after it, and busy while this server's publisher waits or runs or another's holds the lock.
 */
export function combinedStatus(local: PublishStatus | null, shared: PublishRecord, publishingElsewhere: boolean): PublishStatus | null {
  const lastSuccess = newest(local?.lastSuccess, shared.lastSuccess)
  const failure = newest(local?.lastError, shared.lastError)
  const lastError = failure && (!lastSuccess || failure.at > lastSuccess.at) ? failure : undefined
  const state = local && local.state !== 'idle' ? local.state : publishingElsewhere ? 'publishing' : 'idle'
  if (!local && !lastSuccess && !lastError && state === 'idle') return null
  return { state, lastSuccess, lastError }
}
