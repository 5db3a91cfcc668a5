/**
 * The films page's search over the transcripts' own index (/pagefind-films/, one per language):
 * each film found, with the moments (lines of its transcript) where the words are said.
 */
import { secondsOfAnchor } from '../films/anchors.ts'
import { pagefindAt } from './pagefind.ts'

export interface FoundFilm {
  url: string
  title: string
  excerpt: string
  /** Where in the film: links to the film page at that time (#t-<seconds>). */
  moments: Array<{ url: string; seconds: number; excerpt: string }>
}

const load = pagefindAt('/pagefind-films/pagefind.js')

export function preloadFilmSearch(): void {
  void load()
}

export async function searchFilms(term: string): Promise<FoundFilm[]> {
  const pf = await load()
  const response = await pf.search(term.trim())
  return Promise.all(
    (response?.results ?? []).map(async (r) => {
      const d = await r.data()
      const moments = (d.sub_results ?? []).flatMap((s) => {
        const seconds = secondsOfAnchor(new URL(s.url, location.href).hash)
        return seconds === undefined ? [] : [{ url: s.url, seconds, excerpt: s.excerpt }]
      })
      return { url: d.url, title: d.meta.title ?? d.url, excerpt: d.excerpt, moments }
    }),
  )
}
