import type { CollectionBeforeChangeHook } from 'payload'
import { staffOf } from '../../../access/roles.ts'
import { closedStatuses } from '../statuses.ts'

/** Who took a referral on and when (its first move from "new"), and when it was closed. */
export const stampStatusChanges: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const before = (originalDoc?.status as string | undefined) ?? 'new'
  const after = (data.status as string | undefined) ?? before
  if (before === 'new' && after !== 'new' && !originalDoc?.takenAt) {
    const user = staffOf(req)
    data.takenAt = new Date().toISOString()
    if (user) data.takenBy = user.id
  }
  if (closedStatuses.has(after) && !closedStatuses.has(before)) data.closedAt = new Date().toISOString()
  if (!closedStatuses.has(after)) data.closedAt = null
  return data
}
