/**
 * This week's plan: a few activities in order, a start time, a date and notes. Its whole state is
 * the query string of the plan page, so it needs no account and no server, and the link is the
 * plan (shared in the group's chat, bookmarked, printed). Pure functions: used by the plan page's
 * script, the activity pages and the tests.
 */
import type { GuestKind } from '../../content/schema/vocabulary.ts'

export interface PlanState {
  /** Activity slugs in the order of the meeting. */
  activities: string[]
  /** HH:MM */
  start: string
  /** YYYY-MM-DD, or '' */
  date: string
  notes: string
}

/** What the plan needs of an activity; each activity page carries it as JSON (see planItemScript). */
export interface PlanItem {
  slug: string
  url: string
  title: string
  /** The language the title and materials are really in (fallback text keeps its own). */
  lang: string
  dir: 'ltr' | 'rtl'
  minutes: number
  materials: string[]
  guest: GuestKind
  guestLabel: string
}

export const defaultStart = '10:00'
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/
const datePattern = /^\d{4}-\d{2}-\d{2}$/
/** A plan is one meeting: more than this is a mistake in a hand-edited link. */
export const maxActivities = 12
/** Notes stay short enough for a link that chat apps and browsers accept. */
export const maxNotes = 1000

/** Reads a plan from a query string; anything malformed is dropped, never an error. */
export function parsePlan(query: string | URLSearchParams): PlanState {
  const q = typeof query === 'string' ? new URLSearchParams(query) : query
  const slugs = (q.get('a') ?? '').split(',').filter((s) => slugPattern.test(s))
  const start = q.get('start') ?? ''
  const date = q.get('date') ?? ''
  return {
    activities: [...new Set(slugs)].slice(0, maxActivities),
    start: timePattern.test(start) ? start : defaultStart,
    date: datePattern.test(date) ? date : '',
    notes: (q.get('notes') ?? '').slice(0, maxNotes),
  }
}

/** The query string of a plan (without "?"), leaving out what is empty or default. */
export function planQuery(plan: PlanState): string {
  const q = new URLSearchParams()
  if (plan.activities.length) q.set('a', plan.activities.join(','))
  if (plan.start !== defaultStart) q.set('start', plan.start)
  if (plan.date) q.set('date', plan.date)
  if (plan.notes) q.set('notes', plan.notes)
  // Commas in the slug list stay readable in a shared link.
  return q.toString().replace(/%2C/g, ',')
}

export function toggle(plan: PlanState, slug: string): PlanState {
  const has = plan.activities.includes(slug)
  return { ...plan, activities: has ? plan.activities.filter((s) => s !== slug) : [...plan.activities, slug].slice(0, maxActivities) }
}

export function move(plan: PlanState, slug: string, by: -1 | 1): PlanState {
  const list = [...plan.activities]
  const i = list.indexOf(slug)
  const j = i + by
  if (i < 0 || j < 0 || j >= list.length) return plan
  ;[list[i], list[j]] = [list[j]!, list[i]!]
  return { ...plan, activities: list }
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
const toTime = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/** Each activity's start and end, one after the other from the plan's start time. */
export function timeline(items: readonly PlanItem[], start: string): Array<{ item: PlanItem; from: string; to: string }> {
  let at = toMinutes(start)
  return items.map((item) => {
    const from = at
    at += item.minutes
    return { item, from: toTime(from), to: toTime(at) }
  })
}

/** Everything to bring, once each (the same thing named alike in two activities is one line). */
export function checklist(items: readonly PlanItem[]): Array<{ text: string; lang: string; dir: 'ltr' | 'rtl' }> {
  const seen = new Set<string>()
  return items.flatMap((item) =>
    item.materials
      .filter((m) => {
        const key = m.trim().toLocaleLowerCase(item.lang)
        if (seen.has(key)) return false
        seen.add(key)
        return true
      })
      .map((text) => ({ text, lang: item.lang, dir: item.dir })),
  )
}

/** The guests to invite, once each, with the activities they come for. */
export function guests(items: readonly PlanItem[]): Array<{ guest: GuestKind; label: string; for: PlanItem[] }> {
  const byGuest = new Map<GuestKind, { guest: GuestKind; label: string; for: PlanItem[] }>()
  for (const item of items) {
    if (item.guest === 'none') continue
    const entry = byGuest.get(item.guest) ?? { guest: item.guest, label: item.guestLabel, for: [] }
    entry.for.push(item)
    byGuest.set(item.guest, entry)
  }
  return [...byGuest.values()]
}
