/**
 * A language's search index is written again only when what Pagefind reads of one of its pages
 * changed: the digest follows the indexed text, filters and metadata, and nothing that search
 * leaves out (a Danish edit's "the translation may be behind" notice on every translation).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { searchDigest, searchDigests } from '../../site/build/search-digest.ts'

const page = ({ lang = 'en', title = 'Baby massage', notice = '', text = 'Calm strokes with oil.', filter = 'body', outside = 'short' } = {}) =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body>
  <header><a href="/${lang}/">Choose your language</a></header>
  <span data-pagefind-filter="duration" hidden>${outside}</span>
  <main><div data-pagefind-body><h1>${title}</h1>${notice}
  <p>${text}</p><ul class="tags"><li data-pagefind-filter="theme">${filter}</li></ul>
  <aside data-pagefind-ignore>Related: <span data-pagefind-meta="minutes">45</span></aside></div></main>
  <footer>Modersmål</footer></body></html>`

describe('what search reads of a page', () => {
  const base = searchDigest(page())

  it('is the same when only what search leaves out changed', () => {
    expect(searchDigest(page({ notice: '<p class="notice" data-pagefind-ignore>The Danish text was updated on 7 December 2026.</p>' }))).toBe(base)
    expect(searchDigest(page().replace('Choose your language', 'Vælg dit sprog'))).toBe(base)
    expect(searchDigest(page().replace('Related:', 'See also:'))).toBe(base)
  })

  it.each([
    ['the indexed text', { text: 'Calm strokes with warm oil.' }],
    ['the title', { title: 'Massage for babies' }],
    ['a filter in the body', { filter: 'health' }],
    ['a filter outside the body', { outside: 'medium' }],
    ['the language', { lang: 'da' }],
  ])('changes with %s', (_what, change) => {
    expect(searchDigest(page(change))).not.toBe(base)
  })

  it('changes with metadata inside an ignored part, and with a notice not marked as ignored', () => {
    expect(searchDigest(page().replace('>45<', '>30<'))).not.toBe(base)
    expect(searchDigest(page({ notice: '<p class="notice">Not checked by a translator yet.</p>' }))).not.toBe(base)
  })

  const work = mkdtempSync(path.join(tmpdir(), 'modersmal-digest-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('parses a page again only when its file was written again', async () => {
    const kept = path.join(work, 'cache', 'search', 'digests-pages.json')
    const file = path.join(work, 'a.html')
    writeFileSync(file, page())
    // Not in the first place (the cache), so read from the other (the staging folder).
    const locate = (): [string, string] => [path.join(work, 'not-there.html'), file]
    expect((await searchDigests(['a.html'], locate, kept)).get('a.html')).toBe(base)
    // The same file: its kept digest, not a fresh parse (told by a kept digest changed by hand).
    const known = JSON.parse(readFileSync(kept, 'utf8'))
    known['a.html'][3] = 'kept'
    writeFileSync(kept, JSON.stringify(known))
    expect((await searchDigests(['a.html'], locate, kept)).get('a.html')).toBe('kept')
    // Written again (a page rendered anew is a new file): parsed.
    rmSync(file)
    writeFileSync(file, page({ text: 'Other text.' }))
    expect((await searchDigests(['a.html'], locate, kept)).get('a.html')).toBe(searchDigest(page({ text: 'Other text.' })))
  })
})
