/**
 * The search index is written again only for the languages that changed, and what it writes is
 * exactly what indexing everything would write (real Pagefind, real files).
 */
import type { ChildProcess } from 'node:child_process'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSearchIndex, type SearchLanguage } from '../../site/build/search-index.ts'

const page = (lang: string, slug: string, text: string) => ({
  url: `/${lang}/activities/${slug}/`,
  content: `<!doctype html><html lang="${lang}"><head><title>${slug}</title></head><body><main data-pagefind-body><h1>${slug}</h1><p>${text}</p></main></body></html>`,
})

type Texts = Record<string, Record<string, string>>
const languagesOf = (texts: Texts): Map<string, SearchLanguage> =>
  new Map(
    Object.entries(texts).map(([lang, pages]) => [lang, { signature: JSON.stringify(pages), pages: { records: async () => Object.entries(pages).map(([slug, text]) => page(lang, slug, text)) } }]),
  )

const filesOf = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort()

describe('the search index, per language', () => {
  let work: string
  let n = 0
  const dir = (name: string) => path.join(work, `${name}-${++n}`)
  const cache = () => path.join(work, 'cache')
  /** Indexed with the kept cache, and from nothing; returns the first's result and both folders. */
  async function both(texts: Texts) {
    const [kept, full] = [dir('kept'), dir('full')]
    const result = await writeSearchIndex('pages', languagesOf(texts), { cacheDir: cache(), outDir: kept })
    await writeSearchIndex('pages', languagesOf(texts), { cacheDir: dir('fresh-cache'), outDir: full })
    return { result, kept, full }
  }
  const expectSame = (a: string, b: string) => {
    expect(filesOf(a)).toEqual(filesOf(b))
    for (const f of filesOf(a)) expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), f).toBe(true)
  }

  const texts: Texts = {
    da: { massage: 'babymassage med olie', sang: 'sange og rim for de mindste' },
    en: { massage: 'baby massage with oil', sang: 'songs and rhymes for little ones' },
    ar: { massage: 'تدليك الطفل بالزيت' },
  }

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'modersmal-search-'))
  })
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('indexes every language the first time, and none when nothing changed', async () => {
    const first = await both(texts)
    expect(first.result.indexed.sort()).toEqual(['ar', 'da', 'en'])
    expectSame(first.kept, first.full)
    const again = await both(texts)
    expect(again.result.indexed).toEqual([])
    expectSame(again.kept, again.full)
    // The site's files are the cache's, linked: nothing copied.
    expect(statSync(path.join(again.kept, 'pagefind-entry.json')).ino).toBe(statSync(path.join(first.kept, 'pagefind-entry.json')).ino)
  })

  it('indexes only the language that changed, and the result equals indexing everything', async () => {
    const before = dir('before')
    await writeSearchIndex('pages', languagesOf(texts), { cacheDir: cache(), outDir: before })
    const snapshot = new Map(filesOf(before).map((f) => [f, readFileSync(path.join(before, f))]))
    const changed = { ...texts, ar: { ...texts.ar, sang: 'أغاني وقوافي للصغار' } }
    const { result, kept, full } = await both(changed)
    expect(result.indexed).toEqual(['ar'])
    expectSame(kept, full)
    // An earlier site (the live one) shares files with the cache: none of them changed.
    for (const [f, bytes] of snapshot) expect(readFileSync(path.join(before, f)).equals(bytes), f).toBe(true)
  })

  it('drops a language that has no indexed pages any more, and adds a new one', async () => {
    const { da, en } = texts
    const { result, kept, full } = await both({ da, en, so: { massage: 'duugista ilmaha' } })
    expect(result.indexed).toEqual(['so'])
    expectSame(kept, full)
    expect(JSON.parse(readFileSync(path.join(kept, 'pagefind-entry.json'), 'utf8')).languages).toHaveProperty('so')
    expect(filesOf(kept).some((f) => /(^|\/)(pagefind\.)?ar_/.test(f))).toBe(false)
  })

  it('keeps the last index when indexing fails, and indexes that language next time', async () => {
    const good = { ...texts, da: { ...texts.da, leg: 'leg på gulvet' } }
    const failing = languagesOf(good)
    failing.set('da', { signature: 'broken', pages: { records: async () => Promise.reject(new Error('a page that cannot be read')) } })
    await expect(writeSearchIndex('pages', failing, { cacheDir: cache(), outDir: dir('failed') })).rejects.toThrow(/a page that cannot be read/)
    const { result, kept, full } = await both(good)
    expect(result.indexed).toContain('da')
    expectSame(kept, full)
  })

  it("fails with the cause when Pagefind's indexer dies mid-way, keeps the last index, and indexes again", async () => {
    const before = await both(texts)
    const keptFiles = filesOf(path.join(cache(), 'search', 'pages'))
    // As the kernel's out-of-memory killer would: the binary Pagefind starts, killed at once.
    const kill = (message: unknown) => {
      const child = (message as { process: ChildProcess }).process
      setImmediate(() => child.kill('SIGKILL'))
    }
    subscribe('child_process', kill)
    const changed = { ...texts, en: { ...texts.en, leg: 'play on the floor' } }
    try {
      await expect(writeSearchIndex('pages', languagesOf(changed), { cacheDir: cache(), outDir: dir('killed') })).rejects.toThrow(
        "Pagefind's indexer stopped before it answered (killed by SIGKILL, most often for want of memory)",
      )
    } finally {
      unsubscribe('child_process', kill)
    }
    expect(filesOf(path.join(cache(), 'search', 'pages'))).toEqual(keptFiles)
    expectSame(before.kept, before.full)
    // Pagefind starts anew for the next build, which indexes what changed.
    const { result, kept, full } = await both(changed)
    expect(result.indexed).toEqual(['en'])
    expectSame(kept, full)
  })
})
