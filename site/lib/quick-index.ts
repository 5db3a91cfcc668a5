/**
 * The catalogue's quick index: the first answer to a search or a filter, small enough for a cheap
 * phone on mobile data. Pagefind answers from the whole text of every activity, but its code alone
 * is about 83 KB compressed and at 5,000 activities one common word's part of its index about as
 * much again; the first answer is meant to cost at most 100 KB. This index holds only what a list
 * of results shows and what a filter asks: per language, the activities written in it (the
 * catalogue's own, ./activity-pages.ts) in title order, each known by its place in that order.
 *
 * - `quick.json`: how many, each one's minutes, each filter value's activities, and the names of
 *   the other files;
 * - one file per word key (./search-words.ts): each word of the titles, summaries and keywords
 *   with the activities it is in, by title and by the rest;
 * - the list entries (link, title, minutes, summary), a few to a file, fetched for what is shown.
 *
 * The word and entry files are named by their content, so a phone keeps them (cache-policy.ts).
 * Site/client/quick-search.ts answers from it; Pagefind stays for "search all the text".
 */
import { createHash } from 'node:crypto'
import type { Activity } from '../../content/schema/index.ts'
import type { LocaleCode } from '../../locales/registry.ts'
import { urls } from '../../content/urls.ts'
import { hasPageIn } from './activity-pages.ts'
import { facets, inTitleOrder } from './facets.ts'
import { gaps, type QuickEntry, type QuickMeta, type QuickWords } from './quick-format.ts'
import { keyFileName, searchWords, wordKey } from './search-words.ts'

/** Ten results may fall in ten files: small files keep that cheap. */
const entriesPerFile = 16

/** The files of one language's quick index: path under the index's folder → contents. */
export function quickIndex(activities: readonly Activity[], lang: LocaleCode): Map<string, string> {
  const own = inTitleOrder(
    activities.filter((a) => hasPageIn(a, lang)),
    lang,
  )
  const files = new Map<string, string>()
  const add = (dir: string, name: string, json: string) => {
    const file = `${dir}/${name}.${createHash('sha256').update(json).digest('hex').slice(0, 12)}.json`
    files.set(file, json)
    return file
  }

  const byKey = new Map<string, Map<string, { t: number[]; o: number[] }>>()
  for (const [place, a] of own.entries()) {
    const note = (word: string, list: 't' | 'o') => {
      const words = byKey.get(wordKey(word)) ?? new Map()
      byKey.set(wordKey(word), words)
      const entry = words.get(word) ?? { t: [], o: [] }
      words.set(word, entry)
      entry[list].push(place)
    }
    const inTitle = new Set(searchWords(a.title[lang]!, lang))
    const rest = new Set([a.summary[lang] ?? '', ...(a.keywords?.[lang] ?? [])].flatMap((text) => searchWords(text, lang)))
    for (const w of inTitle) note(w, 't')
    for (const w of rest) if (!inTitle.has(w)) note(w, 'o')
  }
  const words: Record<string, string> = {}
  for (const key of [...byKey.keys()].sort()) {
    const shard: QuickWords = {}
    for (const [word, { t, o }] of [...byKey.get(key)!].sort(([x], [y]) => (x < y ? -1 : 1))) shard[word] = { ...(t.length ? { t: gaps(t) } : {}), ...(o.length ? { o: gaps(o) } : {}) }
    words[key] = add('w', keyFileName(key), JSON.stringify(shard))
  }

  const entries: string[] = []
  for (let from = 0; from < own.length; from += entriesPerFile) {
    const chunk: QuickEntry[] = own.slice(from, from + entriesPerFile).map((a) => ({
      url: urls.activity(lang, a.slug),
      title: a.title[lang]!,
      minutes: a.durationMinutes,
      summary: a.summary[lang] ?? '',
    }))
    entries.push(add('e', String(from / entriesPerFile), JSON.stringify(chunk)))
  }

  const facetPlaces: Record<string, number[]> = {}
  for (const f of facets)
    for (const value of f.values) {
      const places = own.flatMap((a, place) => (f.of(a).includes(value) ? [place] : []))
      if (places.length) facetPlaces[`${f.name}:${value}`] = gaps(places)
    }
  const meta: QuickMeta = { size: own.length, minutes: own.map((a) => a.durationMinutes), facets: facetPlaces, words, entries, entriesPerFile }
  files.set('quick.json', JSON.stringify(meta))
  return files
}
