/**
 * Working days of the groups' coordinators: Monday to Friday in Danish time, without the days the
 * municipalities close. Those are the public holidays (helligdagsloven, since 2024 without Store
 * bededag) and the days municipal staff have off by agreement: Grundlovsdag (5 June), Christmas
 * Eve and New Year's Eve. A referral made on Maundy Thursday is not overdue after Easter Monday.
 */

const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', timeZone: 'Europe/Copenhagen' })

/** Easter Sunday of a year (the Gregorian computus, Meeus/Jones/Butcher), as month and day. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  return { month, day: ((h + l - 7 * m + 114) % 31) + 1 }
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`

/** The closed days of a year that can fall on a weekday, as YYYY-MM-DD. */
export function closedDays(year: number): Set<string> {
  const easter = easterSunday(year)
  const fromEaster = (offset: number) => {
    const at = new Date(Date.UTC(year, easter.month - 1, easter.day + offset))
    return iso(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate())
  }
  return new Set([
    iso(year, 1, 1), // Nytårsdag
    fromEaster(-3), // Skærtorsdag
    fromEaster(-2), // Langfredag
    fromEaster(1), // 2. påskedag
    fromEaster(39), // Kristi himmelfartsdag
    fromEaster(50), // 2. pinsedag
    iso(year, 6, 5), // Grundlovsdag
    iso(year, 12, 24), // Juleaftensdag
    iso(year, 12, 25), // Juledag
    iso(year, 12, 26), // 2. juledag
    iso(year, 12, 31), // Nytårsaftensdag
  ])
}

const closedByYear = new Map<number, Set<string>>()

/** Whether the Danish calendar day holding this moment is a working day. */
export function isWorkingDay(at: Date | number): boolean {
  const parts = Object.fromEntries(day.formatToParts(at).map((p) => [p.type, p.value]))
  if (parts.weekday === 'Sat' || parts.weekday === 'Sun') return false
  const year = Number(parts.year)
  const closed = closedByYear.get(year) ?? closedDays(year)
  closedByYear.set(year, closed)
  return !closed.has(`${parts.year}-${parts.month}-${parts.day}`)
}
