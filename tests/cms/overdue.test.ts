/** Working days for the overdue flag: Monday to Friday in Danish time, without the days the offices close. */
import { describe, expect, it } from 'vitest'
import { overdueCutoff } from '../../cms/collections/Referrals/overdue.ts'
import { closedDays, easterSunday, isWorkingDay } from '../../cms/collections/Referrals/workingDays.ts'

describe('the overdue cut-off', () => {
  it.each([
    ['a Wednesday afternoon: the Friday before', '2026-12-02T14:00:00Z', 3, '2026-11-27T14:00:00Z'],
    ['a Monday: the Wednesday before', '2026-11-30T09:00:00Z', 3, '2026-11-25T09:00:00Z'],
    ['a Friday: the Tuesday of that week', '2026-12-04T09:00:00Z', 3, '2026-12-01T09:00:00Z'],
    ['a Sunday: the Wednesday before', '2026-12-06T12:00:00Z', 3, '2026-12-02T12:00:00Z'],
    ['one working day from a Monday: the Friday', '2026-11-30T09:00:00Z', 1, '2026-11-27T09:00:00Z'],
    ['the Tuesday after Easter: Easter Monday back to Maundy Thursday are closed', '2026-04-07T09:00:00Z', 3, '2026-03-30T09:00:00Z'],
    ['the Monday after Christmas: Christmas Eve and Day are closed', '2026-12-28T09:00:00Z', 3, '2026-12-21T09:00:00Z'],
    ['the day after Ascension', '2026-05-15T09:00:00Z', 1, '2026-05-13T09:00:00Z'],
  ])('from %s', (_what, now, days, cutoff) => {
    expect(overdueCutoff(new Date(now), days).toISOString()).toBe(new Date(cutoff).toISOString())
  })
})

describe('the days the offices close', () => {
  it.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
  ])('Easter Sunday %i is %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day })
  })

  it('has the public holidays of 2026, and no Store bededag since 2024', () => {
    expect([...closedDays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-06',
      '2026-05-14',
      '2026-05-25',
      '2026-06-05',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
    ])
    expect(closedDays(2026).has('2026-05-01')).toBe(false)
  })

  it('counts the Danish day, not the UTC one', () => {
    // 23:30 UTC on 1 January is Friday 2 January in Copenhagen; 22:30 UTC is still New Year's Day;
    // 23:30 UTC on 30 December is already New Year's Eve.
    expect(isWorkingDay(new Date('2026-01-01T23:30:00Z'))).toBe(true)
    expect(isWorkingDay(new Date('2026-01-01T22:30:00Z'))).toBe(false)
    expect(isWorkingDay(new Date('2026-12-30T23:30:00Z'))).toBe(false)
  })
})
