/** This week's plan: built from its link (or this browser's last plan), printed, shared. */
import { checklist, guests, move, parsePlan, planQuery, timeline, toggle, type PlanItem, type PlanState } from '../lib/plan.ts'
import { clockTime, longDate } from '../lib/format.ts'
import { loadPlan, savePlan } from './plan-store.ts'
import type { LocaleCode } from '../../locales/registry.ts'

export function setUpPlanPage(): void {
  const root = document.getElementById('plan')!
  const lang = root.dataset.lang as LocaleCode
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
  const fill = (template: string, value: string | number) => template.replace('#', String(value))
  const items = new Map<string, PlanItem>()

  // A shared link is the plan; a bare visit continues the plan being made in this browser.
  let plan: PlanState = location.search ? parsePlan(location.search) : loadPlan(lang)

  // An activity without text in this language has its page in the fallback's (site/lib/activity-pages.ts).
  const chain = (root.dataset.chain ?? lang).split(' ')
  const guestLabels = JSON.parse(root.dataset.guests ?? '{}') as Record<string, string>

  /** An activity's plan data, read from its own page (no separate data files to keep in step). */
  async function item(slug: string): Promise<PlanItem | undefined> {
    if (items.has(slug)) return items.get(slug)
    // Hosts that do not redirect a missing page: the chain, tried in order.
    let response: Response | undefined
    for (const l of chain) {
      response = await fetch(`/${l}/activities/${slug}/`)
      if (response.ok) break
    }
    if (!response?.ok) return undefined // gone from the catalogue: the rest of the plan still works
    const page = new DOMParser().parseFromString(await response.text(), 'text/html')
    const data = page.getElementById('plan-item')?.textContent
    if (!data) return undefined
    const found = JSON.parse(data) as PlanItem
    // The guest in the plan's language, though the page may be in another.
    found.guestLabel = guestLabels[found.guest] ?? found.guestLabel
    items.set(slug, found)
    return found
  }

  const withLang = <K extends keyof HTMLElementTagNameMap>(tag: K, text: string, of: { lang: string; dir: string }) => {
    const el = document.createElement(tag)
    el.textContent = text
    if (of.lang !== lang) Object.assign(el, { lang: of.lang, dir: of.dir })
    return el
  }
  const button = (label: string, text: string, onClick: () => void) => {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: text, className: 'small no-print' })
    b.setAttribute('aria-label', label)
    b.addEventListener('click', onClick)
    return b
  }

  async function show() {
    const found = (await Promise.all(plan.activities.map(item))).filter((x): x is PlanItem => x !== undefined)
    // Drop what no longer exists, so the link stays clean.
    plan = { ...plan, activities: found.map((f) => f.slug) }
    const query = planQuery(plan)
    history.replaceState(null, '', query ? `?${query}` : location.pathname)
    savePlan(lang, plan)
    $<HTMLInputElement>('plan-link').value = location.href

    $('plan-empty').hidden = found.length > 0
    const list = $('plan-items')
    list.replaceChildren(
      ...timeline(found, plan.start).map(({ item, from, to }, i) => {
        const li = document.createElement('li')
        const time = Object.assign(document.createElement('span'), { className: 'when', textContent: `${clockTime(from, lang)}–${clockTime(to, lang)}` })
        const link = withLang('a', item.title, item)
        ;(link as HTMLAnchorElement).href = item.url
        const minutes = Object.assign(document.createElement('span'), { className: 'muted', textContent: ` · ${fill(root.dataset.minutes!, item.minutes)}` })
        li.append(time, ' ', link, minutes)
        if (i > 0)
          li.append(
            ' ',
            button(fill(root.dataset.up!, item.title), '↑', () => update(move(plan, item.slug, -1))),
          )
        if (i < found.length - 1)
          li.append(
            ' ',
            button(fill(root.dataset.down!, item.title), '↓', () => update(move(plan, item.slug, 1))),
          )
        li.append(
          ' ',
          button(fill(root.dataset.remove!, item.title), '✕', () => update(toggle(plan, item.slug))),
        )
        return li
      }),
    )
    const total = found.reduce((n, f) => n + f.minutes, 0)
    $('plan-total').textContent = found.length ? fill(root.dataset.total!, total) : ''
    const things = checklist(found)
    $('plan-checklist').replaceChildren(...things.map((m) => withLang('li', m.text, m)))
    $('plan-nothing').hidden = things.length > 0 || found.length === 0
    const invited = guests(found)
    $('plan-guest-list').replaceChildren(
      ...invited.map((g) => {
        const li = withLang('li', `${g.label}: `, { lang, dir: document.dir })
        for (const [i, f] of g.for.entries()) li.append(...(i ? [', '] : []), withLang('span', f.title, f))
        return li
      }),
    )
    $('plan-no-guests').hidden = invited.length > 0 || found.length === 0
    $('plan-notes-print').textContent = plan.notes
    // Printed as text: a form field prints in the browser's own locale, not the page's.
    $('plan-when').textContent = [plan.date && longDate(plan.date, lang), clockTime(plan.start, lang)].filter(Boolean).join(' · ')
  }

  function update(next: PlanState) {
    plan = next
    void show()
  }

  const date = $<HTMLInputElement>('plan-date')
  const start = $<HTMLInputElement>('plan-start')
  const notes = $<HTMLTextAreaElement>('plan-notes')
  date.value = plan.date
  start.value = plan.start
  notes.value = plan.notes
  date.addEventListener('change', () => update({ ...plan, date: date.value }))
  start.addEventListener('change', () => update({ ...plan, start: parsePlan(new URLSearchParams({ start: start.value })).start }))
  let typing: ReturnType<typeof setTimeout> | undefined
  notes.addEventListener('input', () => {
    clearTimeout(typing)
    typing = setTimeout(() => update({ ...plan, notes: notes.value }), 300)
  })
  $('plan-print').addEventListener('click', () => window.print())
  $('plan-share').addEventListener('click', async () => {
    const url = location.href
    if (navigator.share) {
      // Cancelling the share sheet is not an error worth showing.
      await navigator.share({ title: document.title, url }).catch(() => undefined)
      return
    }
    try {
      await navigator.clipboard.writeText(url)
      $('plan-status').textContent = root.dataset.copied!
    } catch {
      // No clipboard (an old browser): the link is selected for copying by hand.
      $<HTMLInputElement>('plan-link').select()
    }
  })
  $('plan-needs-js').hidden = true
  root.hidden = false
  void show()
}
