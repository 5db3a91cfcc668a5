/**
 * The files of the catalogue's quick index (built by ./quick-index.ts, read by
 * site/client/quick-search.ts): their shapes and the one encoding they share. Lists of places are
 * written as gaps ([3, 4, 9] as [3, 1, 5]): small numbers that compress well.
 */

/** One result as the list shows it. */
export interface QuickEntry {
  url: string
  title: string
  minutes: number
  /** The activity's summary in this language (plain text). */
  summary: string
}

export interface QuickMeta {
  /** How many activities; each is known by its place (0 … size-1) in title order. */
  size: number
  /** Each activity's duration in minutes, by place: the sort by duration needs no other file. */
  minutes: number[]
  /** "facet:value" → the places of the activities that have it, as gaps. */
  facets: Record<string, number[]>
  /** Word key → the file of its words. */
  words: Record<string, string>
  /** The files of the entries, `entriesPerFile` places each, in order. */
  entries: string[]
  entriesPerFile: number
}

/** Word → the places of the activities with it in the title (`t`) and elsewhere only (`o`), as gaps. */
export type QuickWords = Record<string, { t?: number[]; o?: number[] }>

export const gaps = (places: readonly number[]): number[] => places.map((p, i) => (i ? p - places[i - 1]! : p))

/** The places a gaps list stands for. */
export const fromGaps = (list: readonly number[]): number[] => {
  const out: number[] = []
  for (const g of list) out.push(out.length ? out.at(-1)! + g : g)
  return out
}
