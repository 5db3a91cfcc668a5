/**
 * The plan's link is the plan: what a volunteer puts in must come back out of the link, and a
 * mangled link must still open as much of the plan as it can.
 */
import { describe, expect, it } from 'vitest'
import { checklist, defaultStart, guests, maxActivities, move, parsePlan, planQuery, timeline, toggle, type PlanItem } from '../../site/lib/plan.ts'

const item = (slug: string, minutes: number, materials: string[] = [], guest: PlanItem['guest'] = 'none'): PlanItem => ({
  slug,
  url: `/da/activities/${slug}/`,
  title: slug,
  lang: 'da',
  dir: 'ltr',
  minutes,
  materials,
  guest,
  guestLabel: guest,
})

describe('plan links', () => {
  it('round-trips activities in order, start, date and notes (with any characters) through the link', () => {
    const plan = { activities: ['babymassage', 'julegaveleg'], start: '09:30', date: '2026-12-03', notes: 'Husk te & kage, 50% mere?\nمرحبا' }
    const query = planQuery(plan)
    expect(query).toContain('a=babymassage,julegaveleg')
    expect(parsePlan(query)).toEqual(plan)
    expect(parsePlan(`?${query}`)).toEqual(plan)
  })

  it('keeps a link short: defaults and empty parts are left out', () => {
    expect(planQuery(parsePlan(''))).toBe('')
    expect(planQuery({ ...parsePlan(''), activities: ['a'] })).toBe('a=a')
  })

  it('opens a hand-mangled link as far as it can instead of failing', () => {
    const plan = parsePlan('a=ok,,Bad Slug,<script>,ok,also-ok&start=25:99&date=tomorrow')
    expect(plan.activities).toEqual(['ok', 'also-ok'])
    expect(plan.start).toBe(defaultStart)
    expect(plan.date).toBe('')
    const many = Array.from({ length: 40 }, (_, i) => `a${i}`).join(',')
    expect(parsePlan(`a=${many}`).activities).toHaveLength(maxActivities)
  })

  it('adds, removes and reorders activities', () => {
    let plan = parsePlan('')
    plan = toggle(toggle(toggle(plan, 'a'), 'b'), 'c')
    expect(plan.activities).toEqual(['a', 'b', 'c'])
    expect(move(plan, 'c', -1).activities).toEqual(['a', 'c', 'b'])
    expect(move(plan, 'a', -1).activities).toEqual(['a', 'b', 'c'])
    expect(toggle(plan, 'b').activities).toEqual(['a', 'c'])
  })
})

describe('the plan sheet', () => {
  it('lays the activities out one after another from the start time', () => {
    const rows = timeline([item('a', 20), item('b', 45), item('c', 60)], '09:50')
    expect(rows.map((r) => `${r.from}-${r.to}`)).toEqual(['09:50-10:10', '10:10-10:55', '10:55-11:55'])
  })

  it('lists each thing to bring once, however two activities spell it', () => {
    const list = checklist([item('a', 10, ['Te', 'Et tæppe pr. mor']), item('b', 10, ['te ', 'Saks'])])
    expect(list.map((m) => m.text)).toEqual(['Te', 'Et tæppe pr. mor', 'Saks'])
  })

  it('names each guest once, with the activities she comes for', () => {
    const invited = guests([item('a', 10, [], 'dentist'), item('b', 10), item('c', 10, [], 'dentist'), item('d', 10, [], 'midwife')])
    expect(invited.map((g) => [g.guest, g.for.map((f) => f.slug)])).toEqual([
      ['dentist', ['a', 'c']],
      ['midwife', ['d']],
    ])
  })
})
