/**
 * The catalogue's first answer, from its quick index (site/lib/quick-index.ts): the activities
 * whose title, summary or keywords have every word of the query (as the start of a word), among
 * those with every chosen filter (values of one filter any-of, filters all-of). A few small
 * files, fetched as needed; Pagefind answers from the whole text when asked (./catalogue-search.ts).
 */
import type { LocaleCode } from '../../locales/registry.ts'
import { fromGaps, type QuickEntry, type QuickMeta, type QuickWords } from '../lib/quick-format.ts'
import { fold, searchWords, wordKey, wordSegmenter } from '../lib/search-words.ts'

export interface QuickAnswer {
  /** The places of the results, in the order shown. */
  places: number[]
  /** The query's words, to mark in the summaries. */
  words: string[]
  /** "facet:value" → how many of the results have it. */
  counts: () => Record<string, number>
  entry: (place: number) => Promise<QuickEntry>
}

export interface QuickIndex {
  /** Fetches the index's list (quick.json) ahead of the first query. */
  load: () => Promise<QuickMeta>
  /**
   * The answer to `term` and the chosen filter values, or undefined when the quick index cannot
   * answer it (a query without a word long enough to look up).
   */
  search: (term: string | null, chosen: Record<string, string[]>, sort?: 'asc' | 'desc') => Promise<QuickAnswer | undefined>
}

/** The quick index of `lang` at `base` (urls.quickSearch; a full URL outside the browser). */
export function quickIndexAt(base: string, lang: LocaleCode): QuickIndex {
  const files = new Map<string, Promise<unknown>>()
  // Each file fetched once; a failed fetch is tried again next time. A connection that drops
  // (a phone between masts, a kept-alive socket the server has just closed) is tried once more.
  const file = <T>(name: string): Promise<T> => {
    let p = files.get(name)
    if (!p) {
      p = fetch(base + name)
        .catch(() => fetch(base + name))
        .then((r) => {
          if (!r.ok) throw new Error(`${base}${name}: ${r.status}`)
          return r.json()
        })
      p.catch(() => files.delete(name))
      files.set(name, p)
    }
    return p as Promise<T>
  }
  const load = () => file<QuickMeta>('quick.json')
  return { load, search: (term, chosen, sort) => answer(lang, load, file, term, chosen, sort) }
}

/** Each filter value's places, decoded once per index: the counts ask for every one of them. */
const facetPlaces = new WeakMap<QuickMeta, Map<string, number[]>>()

async function answer(
  lang: LocaleCode,
  load: () => Promise<QuickMeta>,
  file: <T>(name: string) => Promise<T>,
  term: string | null,
  chosen: Record<string, string[]>,
  sort: 'asc' | 'desc' | undefined,
): Promise<QuickAnswer | undefined> {
  const words = term ? [...new Set(searchWords(term, lang))] : []
  if (term && !words.length) return undefined
  const meta = await load()
  const decoded = facetPlaces.get(meta) ?? new Map<string, number[]>()
  facetPlaces.set(meta, decoded)
  const placesOf = (key: string) => decoded.get(key) ?? decoded.set(key, fromGaps(meta.facets[key] ?? [])).get(key)!
  const found = new Uint8Array(meta.size).fill(1)
  for (const [facet, values] of Object.entries(chosen)) {
    const any = new Uint8Array(meta.size)
    for (const v of values) for (const p of placesOf(`${facet}:${v}`)) any[p] = 1
    for (let p = 0; p < meta.size; p++) found[p]! &= any[p]!
  }
  // A word in the title counts for more than one in the summary or the keywords.
  const score = new Uint16Array(meta.size)
  const shards = await Promise.all(words.map((w) => (meta.words[wordKey(w)] ? file<QuickWords>(meta.words[wordKey(w)]!) : ({} as QuickWords))))
  for (const [i, word] of words.entries()) {
    // 2 where a word starting so is in the title, 1 where only in the rest: each query word counts once.
    const has = new Uint8Array(meta.size)
    for (const [w, { t, o }] of Object.entries(shards[i]!)) {
      if (!w.startsWith(word)) continue
      for (const p of fromGaps(t ?? [])) has[p] = 2
      for (const p of fromGaps(o ?? [])) has[p] ||= 1
    }
    for (let p = 0; p < meta.size; p++) {
      if (!has[p]) found[p] = 0
      score[p]! += has[p]!
    }
  }
  const places = [...found.keys()].filter((p) => found[p])
  // Places are in title order, and sort() keeps that order among equals.
  if (sort) places.sort((a, b) => (meta.minutes[a]! - meta.minutes[b]!) * (sort === 'asc' ? 1 : -1))
  else if (words.length) places.sort((a, b) => score[b]! - score[a]!)
  return {
    places,
    words,
    counts: () => Object.fromEntries(Object.keys(meta.facets).map((key) => [key, placesOf(key).filter((p) => found[p]).length])),
    entry: async (place) => (await file<QuickEntry[]>(meta.entries[Math.floor(place / meta.entriesPerFile)]!))[place % meta.entriesPerFile]!,
  }
}

/** `text` with the words that start with one of `words` marked, as Pagefind marks its excerpts. */
export function marked(text: string, lang: LocaleCode, words: readonly string[]): DocumentFragment {
  const out = document.createDocumentFragment()
  for (const s of wordSegmenter(lang).segment(text)) {
    const hit = s.isWordLike && words.some((w) => fold(s.segment).startsWith(w))
    out.append(hit ? Object.assign(document.createElement('mark'), { textContent: s.segment }) : s.segment)
  }
  return out
}
