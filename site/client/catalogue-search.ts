/**
 * The catalogue's search over Pagefind's JS API: a query and filter values from the search form
 * (as URL parameters) in, results and per-value counts out. Values of one filter are alternatives
 * (any), different filters must all hold.
 */
import { facets } from '../lib/facets.ts'
import { pagefindAt } from './pagefind.ts'

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

export async function searchCatalogue(params: URLSearchParams): Promise<{
  /** Whether there is anything to search for; if not, the page's browse lists are the answer. */
  active: boolean
  /** "facet:value" → how many results that value would give. */
  counts: Record<string, number>
  total: number
  /** Results [from, from + n), in order, each as soon as its fragment is in: only what is shown is fetched. */
  page: (from: number, n: number) => Array<Promise<Found>>
}> {
  const pf = await load()
  const term = params.get('q')?.trim() || null
  const filters = Object.fromEntries(facets.flatMap((f) => (params.getAll(f.name).length ? [[f.name, { any: params.getAll(f.name) }]] : [])))
  const sort = params.get('sort') === 'asc' || params.get('sort') === 'desc' ? { duration: params.get('sort') } : undefined
  const active = term !== null || Object.keys(filters).length > 0 || sort !== undefined
  if (!active) return { active, counts: flatten(await pf.filters()), total: 0, page: () => [] }
  const response = await pf.search(term, { filters, ...(sort ? { sort } : {}) })
  const results = response?.results ?? []
  return {
    active,
    counts: flatten(response?.filters ?? {}),
    total: results.length,
    page: (from, n) =>
      results.slice(from, from + n).map(async (r) => {
        const d = await r.data()
        return { url: d.url, title: d.meta.title ?? d.url, excerpt: d.excerpt, minutes: Number(d.meta.minutes) }
      }),
  }
}

const flatten = (f: Record<string, Record<string, number>>) => Object.fromEntries(Object.entries(f).flatMap(([name, values]) => Object.entries(values).map(([v, n]) => [`${name}:${v}`, n])))
