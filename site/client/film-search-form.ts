/** The film search form: moments of the films whose subtitles match, each a link to that second. */
import { clock } from '../films/kit.ts'
import { excerptFragment, updateWhileTyping } from './pagefind.ts'
import { preloadFilmSearch, searchFilms } from './film-search.ts'

export function setUpFilmSearch(): void {
  const form = document.querySelector<HTMLFormElement>('#film-search')!
  const input = form.querySelector<HTMLInputElement>('#film-q')!
  const status = form.querySelector<HTMLElement>('#film-result-count')!
  const list = form.querySelector<HTMLOListElement>('#film-results')!
  let run = 0

  const paragraph = (html: string) => {
    const p = Object.assign(document.createElement('p'), { className: 'muted' })
    p.append(excerptFragment(html))
    return p
  }

  async function update() {
    const term = input.value.trim()
    history.replaceState(null, '', term ? `?q=${encodeURIComponent(term)}` : location.pathname)
    const mine = ++run
    if (!term) {
      list.replaceChildren()
      status.textContent = ''
      return
    }
    const films = await searchFilms(term)
    if (mine !== run) return // a newer keystroke won
    status.textContent = films.length ? form.dataset.count!.replace('#', String(films.length)) : form.dataset.none!
    list.replaceChildren(
      ...films.map((film) => {
        const li = document.createElement('li')
        li.append(Object.assign(document.createElement('a'), { href: film.url, textContent: film.title }))
        if (!film.moments.length) li.append(paragraph(film.excerpt))
        else {
          const moments = document.createElement('ul')
          for (const m of film.moments) {
            const item = document.createElement('li')
            const link = Object.assign(document.createElement('a'), { href: m.url })
            // The time is a number in any script: kept left to right inside right-to-left text.
            link.append(Object.assign(document.createElement('bdi'), { textContent: form.dataset.playFrom!.replace('#', clock(m.seconds)) }))
            item.append(link, paragraph(m.excerpt))
            moments.append(item)
          }
          li.append(moments)
        }
        return li
      }),
    )
  }

  updateWhileTyping(form, input, update)
  // Restore a search from the URL (the back button, a shared link); else load the index when she starts.
  input.value = new URLSearchParams(location.search).get('q') ?? ''
  form.hidden = false
  if (input.value) void update()
  else form.addEventListener('focusin', preloadFilmSearch, { once: true })
}
