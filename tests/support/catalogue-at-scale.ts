/**
 * What must hold of the catalogue at any size, checked in Chromium against a built site: by the
 * browser test on a small generated catalogue (tests/e2e/catalogue-at-scale.test.ts) and by the
 * benchmark on 5,000 activities (bench/catalogue.ts). Each check returns what is wrong, one line
 * per fault, so both can report every fault at once.
 */
import type { Browser, Page } from 'playwright-core'
import type { Activity } from '../../content/schema/index.ts'
import type { LocaleCode } from '../../locales/registry.ts'
import { quickIndexAt } from '../../site/client/quick-search.ts'
import { facets, inTitleOrder, matching, type FacetName } from '../../site/lib/facets.ts'
import { searchWords } from '../../site/lib/search-words.ts'
import { hasPageIn, pageLanguageFor } from '../../site/lib/activity-pages.ts'
import { maxActivities } from '../../site/lib/plan.ts'
import { clockTime } from '../../site/lib/format.ts'
import { seeded } from './content-changes.ts'
import { urls } from '../../content/urls.ts'

export type Selection = Partial<Record<FacetName, string[]>>

/** Where a reader of `lang` finds an activity: its page in her language or in the fallback's. */
export const readerHref = (a: Activity, lang: LocaleCode): string => urls.activity(pageLanguageFor(a, lang), a.slug)

/**
 * The filter combinations to try: every value alone, every two values of one filter (either may
 * hold), every pair of values of two filters (both must hold), each filter with all its values,
 * and `deeper` seeded random choices of three to six filters with up to three values each.
 */
export function selections(deeper: number, seed = 17): Selection[] {
  const out: Selection[] = []
  for (const [i, f] of facets.entries()) {
    for (const [j, v] of f.values.entries()) {
      out.push({ [f.name]: [v] })
      for (const w of f.values.slice(j + 1)) out.push({ [f.name]: [v, w] })
      for (const g of facets.slice(i + 1)) for (const w of g.values) out.push({ [f.name]: [v], [g.name]: [w] })
    }
    if (f.values.length > 2) out.push({ [f.name]: [...f.values] })
  }
  const rand = seeded(seed)
  for (let n = 0; n < deeper; n++) {
    const chosen = [...facets].sort(() => rand() - 0.5).slice(0, 3 + Math.floor(rand() * 4))
    out.push(Object.fromEntries(chosen.map((f) => [f.name, [...f.values].sort(() => rand() - 0.5).slice(0, 1 + Math.floor(rand() * Math.min(3, f.values.length)))])))
  }
  return out
}

interface Answer {
  /** Indexes into the slugs of every indexed activity, or -1 for a result that is not one. */
  found: number[]
  /** Pagefind's count beside each value: how many of the results have it. */
  counts: Record<string, Record<string, number>>
}

/**
 * Every selection searched in the catalogue's Pagefind index in `lang`, as the search form asks
 * (site/client/catalogue-search.ts: values of one filter any-of, filters all-of), compared with
 * the activities written in `lang` that match it (site/lib/facets.ts), and the count shown beside
 * every value with how many of those have it. `page` shows the catalogue in `lang`.
 */
export async function filterFaults(page: Page, lang: LocaleCode, activities: readonly Activity[], tried: readonly Selection[]): Promise<string[]> {
  const own = activities.filter((a) => a.title[lang] !== undefined)
  const everyDuration = { duration: { any: facets.find((f) => f.name === 'duration')!.values } }
  // The slug of each result, by Pagefind's id: read once from a search that finds every activity,
  // so that each combination after it costs a search and no fragments. Every filter's part of the
  // index loaded first, as the form does before it shows counts (site/client/catalogue-search.ts).
  // (A string, not a function: vitest would rewrite a function's import() for Node.)
  const slugs = (await page.evaluate(`(async () => {
    const pf = await import('/pagefind/pagefind.js')
    await pf.filters()
    const all = await pf.search(null, { filters: ${JSON.stringify(everyDuration)} })
    const slugs = []
    for (let i = 0; i < all.results.length; i += 200)
      slugs.push(...(await Promise.all(all.results.slice(i, i + 200).map(async (r) => [r.id, (await r.data()).url]))))
    window.__slugOf = new Map(slugs.map(([id, url], i) => [id, i]))
    return slugs.map(([, url]) => url.split('/').filter(Boolean).at(-1))
  })()`)) as string[]
  const faults: string[] = []
  const index = new Map(slugs.map((s, i) => [s, i]))
  const missing = own.filter((a) => !index.has(a.slug)).map((a) => a.slug)
  if (missing.length) faults.push(`${lang}: ${missing.length} activities are not in the index, e.g. ${missing.slice(0, 3).join(', ')}`)
  for (let from = 0; from < tried.length; from += 50) {
    const batch = tried.slice(from, from + 50)
    const asked = batch.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, { any: v }])))
    const answers = (await page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js')
      const out = []
      for (const filters of ${JSON.stringify(asked)}) {
        const r = await pf.search(null, { filters })
        out.push({ found: r.results.map((x) => window.__slugOf.get(x.id) ?? -1), counts: r.filters })
      }
      return out
    })()`)) as Answer[]
    for (const [n, selection] of batch.entries()) {
      const answer = answers[n]!
      const expected = matching(own, selection)
      const want = expected.map((a) => index.get(a.slug) ?? -1).sort((a, b) => a - b)
      const got = [...answer.found].sort((a, b) => a - b)
      if (want.join() !== got.join()) {
        faults.push(`${lang} ${JSON.stringify(selection)}: ${got.length} found, ${want.length} match`)
        continue
      }
      for (const f of facets)
        for (const v of f.values) {
          const shown = answer.counts[f.name]?.[v] ?? 0
          const has = matching(expected, { [f.name]: [v] }).length
          if (shown !== has) faults.push(`${lang} ${JSON.stringify(selection)}: the count beside ${f.name}=${v} says ${shown}, ${has} of the results have it`)
        }
    }
  }
  return faults
}

/**
 * The same for the quick index that gives the search form its first answer
 * (site/client/quick-search.ts, run here in Node against the site at `origin`): every selection
 * finds exactly the activities written in `lang` that match it, in title order, with the counts;
 * and the first word of each one's title, sampled, finds it.
 */
export async function quickFaults(origin: string, lang: LocaleCode, activities: readonly Activity[], tried: readonly Selection[]): Promise<string[]> {
  const own = inTitleOrder(
    activities.filter((a) => hasPageIn(a, lang)),
    lang,
  )
  const place = new Map(own.map((a, i) => [a, i]))
  const q = quickIndexAt(`${origin}${urls.quickSearch(lang)}`, lang)
  const faults: string[] = []
  for (const selection of tried) {
    const answer = await q.search(null, selection as Record<string, string[]>)
    const expected = matching(own, selection)
    if (answer?.places.join() !== expected.map((a) => place.get(a)).join()) {
      faults.push(`${lang} quick ${JSON.stringify(selection)}: ${answer?.places.length} found, ${expected.length} match`)
      continue
    }
    const counts = answer.counts()
    for (const f of facets)
      for (const v of f.values) {
        const has = matching(expected, { [f.name]: [v] }).length
        if ((counts[`${f.name}:${v}`] ?? 0) !== has) faults.push(`${lang} quick ${JSON.stringify(selection)}: ${f.name}=${v} counted ${counts[`${f.name}:${v}`] ?? 0}, ${has} have it`)
      }
  }
  for (const a of own.filter((_, i) => i % Math.ceil(own.length / 50) === 0)) {
    const word = searchWords(a.title[lang]!, lang)[0]
    const answer = word ? await q.search(word, {}) : undefined
    if (word && !answer?.places.includes(place.get(a)!)) faults.push(`${lang} quick "${word}" does not find ${a.slug}`)
  }
  return faults
}

/**
 * A shared plan link with as many activities as a plan holds (`chosen`, cut to maxActivities),
 * opened in `lang`: every activity in its order, each linked to the page its reader gets
 * (site/lib/activity-pages.ts), the last one ending when their minutes add up to.
 */
export async function planFaults(browser: Browser, origin: string, lang: LocaleCode, activities: readonly Activity[], chosen: readonly string[]): Promise<string[]> {
  const slugs = chosen.slice(0, maxActivities)
  const bySlug = new Map(activities.map((a) => [a.slug, a]))
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(`${origin}${urls.plan(lang, `a=${slugs.join(',')}&start=08:00`)}`)
    // The plan shows once every activity's page has answered (or not).
    await page.waitForFunction(() => document.querySelector('#plan-items li') || document.getElementById('plan-empty')?.hidden === false, undefined, { timeout: 60_000 })
    const hrefs = await page.locator('#plan-items li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    const want = slugs.map((s) => readerHref(bySlug.get(s)!, lang))
    const faults = want.join('\n') === hrefs.join('\n') ? [] : [`${lang} plan: links ${JSON.stringify(hrefs)}, expected ${JSON.stringify(want)}`]
    const minutes = slugs.reduce((sum, s) => sum + bySlug.get(s)!.durationMinutes, 8 * 60)
    const end = `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
    const last = (await page.locator('#plan-items li .when').last().textContent()) ?? ''
    if (!last.endsWith(`–${clockTime(end, lang)}`)) faults.push(`${lang} plan: the last activity's time is "${last}", expected to end at ${end}`)
    return faults
  } finally {
    await context.close()
  }
}
