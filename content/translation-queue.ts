/**
 * A translator's queue: every document with a field missing or behind the Danish in one of her
 * languages, the mother's path first (her landing page, the leaflet, the film, the guides), then
 * what volunteers read (pictures' descriptions, the programme, the catalogue). The same states as
 * the coverage report (./coverage-report.ts), so the queue and the report always agree.
 */
import type { LocaleCode } from '../locales/registry.ts'
import type { ContentKind, ContentSet } from './collections.ts'
import { danishTitle, documentStates, type Provenance } from './translations.ts'

/** The order a translator works in: what a mother reads first. */
export const queueOrder = ['municipalities', 'leaflets', 'films', 'guides', 'programmes', 'media', 'activities'] as const satisfies readonly ContentKind[]

export interface QueueItem {
  kind: ContentKind
  /** The document's slug (its key in content/). */
  key: string
  /** Its Danish title, to say what it is. */
  title: string
  locale: LocaleCode
  /** The fields without text in her language, and those behind the Danish, in field order. */
  missing: string[]
  outdated: string[]
}

export function translationQueue(set: Pick<ContentSet, ContentKind>, locales: readonly LocaleCode[]): QueueItem[] {
  const items: QueueItem[] = []
  for (const kind of queueOrder) {
    const docs = (set[kind] as unknown as Array<Record<string, unknown> & Provenance>).map((doc) => ({ doc, title: danishTitle(doc) }))
    docs.sort((a, b) => a.title.localeCompare(b.title, 'da'))
    for (const locale of locales) {
      for (const { doc, title } of docs) {
        const states = Object.entries(documentStates(doc, locale))
        const missing = states.filter(([, s]) => s === 'missing').map(([f]) => f)
        const outdated = states.filter(([, s]) => s === 'outdated').map(([f]) => f)
        if (missing.length || outdated.length) items.push({ kind, key: String(doc.slug), title, locale, missing, outdated })
      }
    }
  }
  return items
}
