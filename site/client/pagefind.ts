/**
 * What every search form of the site shares: loading one of Pagefind's indexes (its script is
 * fetched at run time, only when a reader starts to search) and showing its excerpts safely.
 */

/** The part of Pagefind's JS API the forms use. */
export interface Pagefind {
  search: (term: string | null, options?: { filters?: object; sort?: object }) => Promise<PagefindResponse | null>
  filters: () => Promise<Record<string, Record<string, number>>>
}
export interface PagefindResponse {
  results: PagefindResult[]
  filters: Record<string, Record<string, number>>
  totalFilters: Record<string, Record<string, number>>
}
export interface PagefindResult {
  data: () => Promise<PagefindData>
}
export interface PagefindData {
  url: string
  excerpt: string
  meta: Record<string, string>
  /** Parts of the page under a heading with an id (Pagefind links them by anchor). */
  sub_results?: Array<{ title: string; url: string; excerpt: string }>
}

/**
 * A loader for the index at `url` (e.g. /pagefind/pagefind.js): the first call fetches it, and at
 * the same time the files every first search of the page's language needs. Pagefind would ask for
 * them one after another (its script, then its worker, then the list of indexes, then the search
 * code and the index's metadata), a round trip each; fetched here at once, Pagefind's own requests
 * find them in the browser's cache (the metadata is content-addressed, site/lib/cache-policy.ts).
 */
export function pagefindAt(url: string): () => Promise<Pagefind> {
  let pagefind: Promise<Pagefind> | undefined
  return () => {
    if (pagefind) return pagefind
    void warmUp(url.slice(0, url.lastIndexOf('/') + 1), document.documentElement.lang)
    // A variable, so the bundler leaves the index's own script to be fetched at run time.
    pagefind = import(/* @vite-ignore */ url) as Promise<Pagefind>
    return pagefind
  }
}

async function warmUp(base: string, lang: string): Promise<void> {
  try {
    void fetch(`${base}pagefind-worker.js`)
    const entry = (await (await fetch(`${base}pagefind-entry.json`)).json()) as { languages?: Record<string, { hash: string; wasm: string }> }
    const index = entry.languages?.[lang]
    if (index) await Promise.all([fetch(`${base}wasm.${index.wasm}.pagefind`), fetch(`${base}pagefind.${index.hash}.pf_meta`)])
  } catch {
    // Only a head start: Pagefind asks for the same files itself and reports what fails.
  }
}

/** Pagefind's excerpt is HTML with <mark>: keep only its text and the marks. */
export function excerptFragment(html: string): DocumentFragment {
  const template = document.createElement('template')
  template.innerHTML = html
  const out = document.createDocumentFragment()
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') out.append(Object.assign(document.createElement('mark'), { textContent: node.textContent }))
    else out.append(node.textContent ?? '')
  }
  return out
}

/** Runs `update` 200 ms after the last keystroke in `field`, and at once on submit (no reload). */
export function updateWhileTyping(form: HTMLFormElement, field: EventTarget, update: () => Promise<void>): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  field.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(update, 200)
  })
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    void update()
  })
}
