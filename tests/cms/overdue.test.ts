/** Working days for the overdue flag: Monday to Friday, in Danish time. */
import { describe, expect, it } from 'vitest'
import { overdueCutoff } from '../../cms/collections/Referrals/overdue.ts'

describe('the overdue cut-off', () => {
  it.each([
    ['a Wednesday afternoon: the Friday before', '2026-12-02T14:00:00Z', 3, '2026-11-27T14:00:00Z'],
    ['a Monday: the Wednesday before', '2026-11-30T09:00:00Z', 3, '2026-11-25T09:00:00Z'],
    ['a Friday: the Tuesday of that week', '2026-12-04T09:00:00Z', 3, '2026-12-01T09:00:00Z'],
    ['a Sunday: the Wednesday before', '2026-12-06T12:00:00Z', 3, '2026-12-02T12:00:00Z'],
    ['one working day from a Monday: the Friday', '2026-11-30T09:00:00Z', 1, '2026-11-27T09:00:00Z'],
  ])('from %s', (_what, now, days, cutoff) => {
    expect(overdueCutoff(new Date(now), days).toISOString()).toBe(new Date(cutoff).toISOString())
  })
})
