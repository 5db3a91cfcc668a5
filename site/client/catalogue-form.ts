/** The catalogue's search form: results as she types, the filters in the URL, more on request. */
import { preloadSearch, searchCatalogue } from './catalogue-search.ts'
import { updateWhileTyping } from './pagefind.ts'

export function setUpCatalogueSearch(): void {
  const form = document.querySelector<HTMLFormElement>('#catalogue-search')!
  const input = form.querySelector<HTMLInputElement>('#q')!
  const status = form.querySelector<HTMLElement>('#result-count')!
  const list = form.querySelector<HTMLOListElement>('#results')!
  const more = form.querySelector<HTMLButtonElement>('#more')!
  const filters = form.querySelector<HTMLDetailsElement>('details')!
  // What a phone's screen shows and a little more: each result is one more request.
  const pageSize = 10
  let current: Awaited<ReturnType<typeof searchCatalogue>> | undefined
  let run = 0

  /** The form as a query string: q, sort and one parameter per checked filter value. */
  const state = () => {
    const params = new URLSearchParams()
    for (const [k, v] of new FormData(form)) if (v !== '') params.append(k, String(v))
    return params
  }

  async function render(from: number) {
    const mine = run
    // Shown one by one as they come in, in their order: the first result need not wait for the tenth.
    for (const next of current!.page(from, pageSize)) {
      const r = await next
      if (mine !== run) return
      const li = document.createElement('li')
      const a = Object.assign(document.createElement('a'), { href: r.url, textContent: r.title })
      const minutes = Object.assign(document.createElement('span'), { className: 'muted', textContent: ` · ${form.dataset.minutes!.replace('#', String(r.minutes))}` })
      const p = document.createElement('p')
      p.className = 'muted'
      p.append(r.excerpt)
      li.append(a, minutes, p)
      list.append(li)
    }
    more.hidden = list.children.length >= current!.total
  }

  /** The count beside each filter value, for the current search; only while the filters are open. */
  async function showCounts() {
    const mine = run
    if (!filters.open || !current) return
    const counts = await current.counts()
    if (mine !== run) return
    for (const span of form.querySelectorAll<HTMLElement>('[data-count-of]')) span.textContent = `(${counts[span.dataset.countOf!] ?? 0})`
  }

  async function update() {
    const params = state()
    history.replaceState(null, '', params.size ? `?${params}` : location.pathname)
    const mine = ++run
    const result = await searchCatalogue(params)
    if (mine !== run) return // a newer keystroke won
    current = result
    void showCounts()
    list.replaceChildren()
    if (!result.active) {
      status.textContent = ''
      more.hidden = true
      return
    }
    status.textContent = result.total ? form.dataset.count!.replace('#', String(result.total)) : form.dataset.none!
    await render(0)
  }

  updateWhileTyping(form, form, update)
  form.addEventListener('reset', () => setTimeout(update))
  filters.addEventListener('toggle', preloadSearch, { once: true })
  filters.addEventListener('toggle', () => void showCounts())
  more.addEventListener('click', () => void render(list.children.length))

  // Restore a search from the URL (the back button, a shared link).
  const initial = new URLSearchParams(location.search)
  input.value = initial.get('q') ?? ''
  form.querySelector<HTMLSelectElement>('#sort')!.value = initial.get('sort') ?? ''
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')]
  for (const box of boxes) box.checked = initial.getAll(box.name).includes(box.value)
  if (boxes.some((b) => b.checked && filters.contains(b))) filters.open = true
  form.hidden = false
  // The index loads when she starts to search, not with the page: browsing costs no search bytes.
  if (initial.size) void update()
  else form.addEventListener('focusin', preloadSearch, { once: true })
}
