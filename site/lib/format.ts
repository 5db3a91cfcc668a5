/** Dates and times in the reader's language, from Intl (every launch locale has ICU data). */
import { weekdays, type Weekday } from '../../content/schema/vocabulary.ts'
import type { LocaleCode } from '../../locales/registry.ts'

// 2026-01-05 is a Monday: a fixed week to name the weekdays by.
const monday = Date.UTC(2026, 0, 5)

export function weekdayName(day: Weekday, lang: LocaleCode): string {
  const date = new Date(monday + weekdays.indexOf(day) * 86_400_000)
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(date)
}

/** "09:00" → the locale's way of writing the time (its digits, its 12/24-hour habit). */
export function clockTime(hhmm: string, lang: LocaleCode): string {
  const [h, m] = hhmm.split(':').map(Number)
  return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 5, h, m)))
}

export function longDate(iso: string, lang: LocaleCode): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`))
}
