/**
 * The catalogue's quick index (site/lib/quick-index.ts) answered through the browser's own code
 * (site/client/quick-search.ts), served over loopback HTTP: the first answer a volunteer gets must
 * be the right one, for every filter combination and every word of every title.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContent, type ContentSet } from '../../content/load.ts'
import type { Activity } from '../../content/schema/index.ts'
import type { LocaleCode } from '../../locales/registry.ts'
import { quickIndexAt } from '../../site/client/quick-search.ts'
import { hasPageIn } from '../../site/lib/activity-pages.ts'
import { quickIndex } from '../../site/lib/quick-index.ts'
import { searchWords } from '../../site/lib/search-words.ts'
import { quickFaults, selections } from '../support/catalogue-at-scale.ts'
import { repoContent } from '../support/content.ts'

let content: ContentSet
let server: Server
/** The files each language's index has now; a test may swap them. */
const served = new Map<string, Map<string, string>>()
let origin: string

beforeAll(async () => {
  content = await loadContent(repoContent)
  server = createServer((req, res) => {
    const [, , lang, ...rest] = req.url!.split('/')
    const body = served.get(lang!)?.get(rest.join('/'))
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' }).end(body)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => server?.close())

const indexOf = (lang: LocaleCode, activities: readonly Activity[] = content.activities) => {
  served.set(lang, quickIndex(activities, lang))
  return quickIndexAt(`${origin}/search/${lang}/`, lang)
}
type Answer = NonNullable<Awaited<ReturnType<ReturnType<typeof indexOf>['search']>>>
const slugsOf = async (answer: Answer, places = answer.places) => (await Promise.all(places.map((p) => answer.entry(p)))).map((e) => e.url.split('/').at(-2))

describe('words as the quick search compares them', () => {
  it('drops accents and short vowels a reader may leave out, keeps letters that are letters', () => {
    expect(searchWords('Café med Søvn og BÅL', 'da')).toEqual(['cafe', 'med', 'søvn', 'og', 'bal'])
    // The Arabic short vowels (harakat) and the hamza above alif.
    expect(searchWords('الأَسْنَان', 'ar')).toEqual(searchWords('الاسنان', 'ar'))
  })

  it('splits Thai, which has no spaces between words, by its own rules', () => {
    expect(searchWords('ร้องเพลงกับลูก', 'th').length).toBeGreaterThan(1)
    // A Thai vowel sign is part of the letter: not dropped.
    expect(searchWords('ร้องเพลง', 'th').join('')).toBe('ร้องเพลง')
  })
})

describe('the quick index', () => {
  const languages: LocaleCode[] = ['da', 'en', 'ar']

  it.each(languages)('%s: every filter combination finds exactly the matching activities, in title order, with the right counts', async (lang) => {
    // The same check the at-scale test and the bench make (tests/support/catalogue-at-scale.ts).
    indexOf(lang)
    expect(await quickFaults(origin, lang, content.activities, selections(40))).toEqual([])
  })

  it.each(languages)('%s: every word of every title finds its activity', async (lang) => {
    const q = indexOf(lang)
    const own = content.activities.filter((a) => hasPageIn(a, lang))
    const missed: string[] = []
    for (const a of own)
      for (const word of searchWords(a.title[lang]!, lang)) {
        const answer = (await q.search(word, {}))!
        if (!(await slugsOf(answer)).includes(a.slug)) missed.push(`${word} → ${a.slug}`)
      }
    expect(missed).toEqual([])
    // Its whole title as the query: among the first results.
    const answer = (await q.search(own[0]!.title[lang]!, {}))!
    expect(await slugsOf(answer, answer.places.slice(0, 5))).toContain(own[0]!.slug)
  })

  it('ranks a word in the title before the same word in a summary, and the start of a word finds it', async () => {
    const q = indexOf('da')
    const answer = (await q.search('bab', {}))!
    const entries = await Promise.all(answer.places.map((p) => answer.entry(p)))
    const inTitle = entries.map((e) => searchWords(e.title, 'da').some((w) => w.startsWith('bab')))
    expect(inTitle.length).toBeGreaterThan(3)
    // All title matches first.
    expect(inTitle.indexOf(false) === -1 || inTitle.slice(inTitle.indexOf(false)).every((x) => !x)).toBe(true)
    expect(inTitle.includes(false)).toBe(true)
  })

  it('sorts by duration both ways, and answers a word nothing has with nothing', async () => {
    const q = indexOf('da')
    const asc = (await q.search(null, {}, 'asc'))!
    const minutes = await Promise.all(asc.places.map(async (p) => (await asc.entry(p)).minutes))
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b))
    const desc = (await q.search(null, {}, 'desc'))!
    expect((await Promise.all(desc.places.map(async (p) => (await desc.entry(p)).minutes))).reverse()).toEqual(minutes)
    expect((await q.search('xylofonqqq', {}))!.places).toEqual([])
    // One letter is too short to look up: the whole text answers that (client/catalogue-search.ts).
    expect(await q.search('a', {})).toBeUndefined()
  })

  it('names its files by their content: one changed title changes only the files that hold it', () => {
    const before = quickIndex(content.activities, 'da')
    expect([...quickIndex(content.activities, 'da').keys()]).toEqual([...before.keys()])
    const [first, ...rest] = content.activities
    const renamed = { ...first!, title: { ...first!.title, da: `${first!.title.da} zebra` } }
    const after = quickIndex([renamed, ...rest], 'da')
    const changed = [...after.keys()].filter((f) => !before.has(f))
    // The new word's file, the activity's entries, and the list that names them (when the title's order holds).
    expect(changed.some((f) => f.startsWith('w/7a-65.'))).toBe(true)
    expect(changed.filter((f) => f.startsWith('e/')).length).toBeLessThanOrEqual(2)
    expect(changed.length).toBeLessThan(after.size / 4)
  })
})
