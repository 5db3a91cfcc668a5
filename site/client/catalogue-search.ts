/**
 * The catalogue's search over Pagefind's JS API: a query and filter values from the search form
 * (as URL parameters) in, results and per-value counts out. Values of one filter are alternatives
 * (any), different filters must all hold.
 */
import { facets } from '../lib/facets.ts'
import { pagefindAt, type Pagefind } from './pagefind.ts'

export interface Found {
  url: string
  title: string
  excerpt: string
  minutes: number
}

const load = pagefindAt('/pagefind/pagefind.js')

/** Starts fetching the index's code ahead of the first query. */
export function preloadSearch(): void {
  void load()
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

export async function searchCatalogue(params: URLSearchParams): Promise<{
  /** Whether there is anything to search for; if not, the page's browse lists are the answer. */
  active: boolean
  /**
   * "facet:value" → how many results have that value. Asked for only when the filters are open:
   * the first time, it loads every filter's part of the index.
   */
  counts: () => Promise<Record<string, number>>
  total: number
  /** Results [from, from + n), in order, each as soon as its fragment is in: only what is shown is fetched. */
  page: (from: number, n: number) => Array<Promise<Found>>
}> {
  const pf = await load()
  const term = params.get('q')?.trim() || null
  const filters = Object.fromEntries(facets.flatMap((f) => (params.getAll(f.name).length ? [[f.name, { any: params.getAll(f.name) }]] : [])))
  const sort = params.get('sort') === 'asc' || params.get('sort') === 'desc' ? { duration: params.get('sort') } : undefined
  const active = term !== null || Object.keys(filters).length > 0 || sort !== undefined
  if (!active) return { active, counts: async () => flatten(await loadEveryFilter(pf)), total: 0, page: () => [] }
  const options = { filters, ...(sort ? { sort } : {}) }
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
        return { url: d.url, title: d.meta.title ?? d.url, excerpt: d.excerpt, minutes: Number(d.meta.minutes) }
      }),
  }
}

const once = <T>(f: () => Promise<T>) => {
  let p: Promise<T> | undefined
  return () => (p ??= f())
}

const flatten = (f: Record<string, Record<string, number>>) => Object.fromEntries(Object.entries(f).flatMap(([name, values]) => Object.entries(values).map(([v, n]) => [`${name}:${v}`, n])))
