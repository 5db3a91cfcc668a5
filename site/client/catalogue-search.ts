/**
 * The catalogue's search: a query and filter values from the search form (as URL parameters) in,
 * results and per-value counts out. Values of one filter are alternatives (any), different filters
 * must all hold. The first answer comes from the quick index (./quick-search.ts: titles, summaries
 * and keywords, a few KB); Pagefind's index of the whole text (ten times as much to load) answers
 * when she asks for it (`all`), when the quick index finds nothing, or cannot look the query up.
 */
import type { LocaleCode } from '../../locales/registry.ts'
import { facets } from '../lib/facets.ts'
import { excerptFragment, pagefindAt, type Pagefind } from './pagefind.ts'
import { urls } from '../../content/urls.ts'
import { marked, quickIndexAt, type QuickIndex } from './quick-search.ts'

export interface Found {
  url: string
  title: string
  excerpt: DocumentFragment
  minutes: number
}

const load = pagefindAt('/pagefind/pagefind.js')
const lang = () => document.documentElement.lang as LocaleCode
let quickIndex: QuickIndex | undefined
const quick = () => (quickIndex ??= quickIndexAt(urls.quickSearch(lang()), lang()))

/** Starts fetching what the first query needs (the quick index's list, not Pagefind). */
export function preloadSearch(): void {
  void quick()
    .load()
    .catch(() => {})
}

/**
 * Every filter's part of the index, loaded once. A search loads only the parts of the filters it
 * uses, and Pagefind counts a value only when its part is in: without this, the counts beside the
 * other filters' values would read 0.
 */
let everyFilter: Promise<Record<string, Record<string, number>>> | undefined
let everyFilterLoaded = false
const loadEveryFilter = (pf: Pagefind) => {
  everyFilter ??= pf.filters().then((f) => {
    everyFilterLoaded = true
    return f
  })
  return everyFilter
}

type Answer = {
  /** Whether there is anything to search for; if not, the page's browse lists are the answer. */
  active: boolean
  /**
   * "facet:value" → how many results have that value. Asked for only when the filters are open:
   * from Pagefind, the first time, it loads every filter's part of its index.
   */
  counts: () => Promise<Record<string, number>>
  total: number
  /** Results [from, from + n), in order, each as soon as its fragment is in: only what is shown is fetched. */
  page: (from: number, n: number) => Array<Promise<Found>>
}

export async function searchCatalogue(params: URLSearchParams): Promise<Answer> {
  const term = params.get('q')?.trim() || null
  const chosen = Object.fromEntries(facets.flatMap((f) => (params.getAll(f.name).length ? [[f.name, params.getAll(f.name)]] : [])))
  const order = params.get('sort')
  const sort = order === 'asc' || order === 'desc' ? order : undefined
  const active = term !== null || Object.keys(chosen).length > 0 || sort !== undefined
  if (!params.has('all')) {
    // Unreachable (offline, a file gone with a publish): the whole text may still answer.
    const found = await quick()
      .search(term, chosen, sort)
      .catch(() => undefined)
    if (found && (found.places.length || !term)) {
      const { places, words, entry } = found
      return {
        active,
        counts: async () => found.counts(),
        total: active ? places.length : 0,
        page: (from, n) =>
          places.slice(from, from + n).map(async (place) => {
            const e = await entry(place)
            return { url: e.url, title: e.title, minutes: e.minutes, excerpt: marked(e.summary, lang(), words) }
          }),
      }
    }
  }
  return fullTextSearch(term, chosen, sort, active)
}

async function fullTextSearch(term: string | null, chosen: Record<string, string[]>, order: 'asc' | 'desc' | undefined, active: boolean): Promise<Answer> {
  const pf = await load()
  if (!active) return { active, counts: async () => flatten(await loadEveryFilter(pf)), total: 0, page: () => [] }
  const filters = Object.fromEntries(Object.entries(chosen).map(([name, any]) => [name, { any }]))
  const options = { filters, ...(order ? { sort: { duration: order } } : {}) }
  const complete = everyFilterLoaded
  const response = await pf.search(term, options)
  const results = response?.results ?? []
  return {
    active,
    // Once per search, however often the filters are opened.
    counts: once(async () => {
      if (complete) return flatten(response?.filters ?? {})
      await loadEveryFilter(pf)
      return flatten((await pf.search(term, options))?.filters ?? {})
    }),
    total: results.length,
    page: (from, n) =>
      results.slice(from, from + n).map(async (r) => {
        const d = await r.data()
        return { url: d.url, title: d.meta.title ?? d.url, excerpt: excerptFragment(d.excerpt), minutes: Number(d.meta.minutes) }
      }),
  }
}

const once = <T>(f: () => Promise<T>) => {
  let p: Promise<T> | undefined
  return () => (p ??= f())
}

const flatten = (f: Record<string, Record<string, number>>) => Object.fromEntries(Object.entries(f).flatMap(([name, values]) => Object.entries(values).map(([v, n]) => [`${name}:${v}`, n])))
