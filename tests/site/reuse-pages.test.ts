/**
 * An incremental build starts from the pages of the cache's last build, linked into its staging
 * folder; from the spare (the build served before the current one) where there is one. Whatever
 * the spare holds, the staging folder ends up holding exactly the cache's pages, each the cache's
 * very file: never a page of an older build, never anything else, never an empty folder.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cachedCopy, linkCachedPages } from '../../site/build/reuse-pages.ts'

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
}

/** Every entry under `dir`, folders marked with a trailing slash. */
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .map((f) => (statSync(path.join(dir, f)).isDirectory() ? `${f}/` : f))
    .sort()

describe('the pages an incremental build starts from', () => {
  let work: string
  let cache: string
  const pages = ['da/index.html', 'da/activities/babymassage/index.html', 'ar/activities/babymassage/index.html', 'da/sitemap.xml']

  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'modersmal-reuse-'))
    cache = path.join(work, 'cache')
    // Astro's manifest of the last build: one route's paths with their output files.
    const paths = Object.fromEntries(pages.map((p, i) => [`/${i}`, { outputFile: p }]))
    write(path.join(cache, 'incremental-build.json'), JSON.stringify({ routes: { 'src/pages/x.astro': { paths } } }))
    for (const p of pages) write(cachedCopy(cache, p), `now: ${p}`)
  })
  afterEach(() => rmSync(work, { recursive: true, force: true }))

  it('links every cached page into a new folder when there is no spare', () => {
    const staging = path.join(work, 'staging')
    const linked = linkCachedPages(cache, staging, path.join(work, 'no-spare'))
    expect([...linked].sort()).toEqual([...pages].sort())
    for (const p of pages) expect(statSync(path.join(staging, p)).ino).toBe(statSync(cachedCopy(cache, p)).ino)
  })

  it("corrects a spare into exactly the cache's pages, and takes it (one build only)", () => {
    const spare = path.join(work, 'spare')
    // Still the cache's file: kept as it is.
    mkdirSync(path.join(spare, 'da'), { recursive: true })
    linkSync(cachedCopy(cache, 'da/index.html'), path.join(spare, 'da/index.html'))
    // A page as an older build had it (another file, with the same text even): replaced.
    write(path.join(spare, 'da/activities/babymassage/index.html'), 'before: babymassage')
    write(path.join(spare, 'ar/activities/babymassage/index.html'), 'now: ar/activities/babymassage/index.html')
    // What the steps after Astro write (search index, pictures, the headers file), and a page no
    // build makes any more: removed, and the folders that leaves empty with them.
    write(path.join(spare, 'pagefind/index/da_1.pf_index'), 'old index')
    write(path.join(spare, 'media/mor-320.webp'), 'old picture')
    write(path.join(spare, '_headers'), 'old headers')
    write(path.join(spare, 'da/activities/deleted/index.html'), 'a deleted activity')
    write(path.join(spare, 'da/activities/babymassage/stray.txt'), 'stray')

    const staging = path.join(work, 'builds', 'staging')
    const linked = linkCachedPages(cache, staging, spare)
    expect([...linked].sort()).toEqual([...pages].sort())
    expect(existsSync(spare)).toBe(false)
    expect(tree(staging)).toEqual(
      [
        'ar/',
        'ar/activities/',
        'ar/activities/babymassage/',
        'ar/activities/babymassage/index.html',
        'da/',
        'da/activities/',
        'da/activities/babymassage/',
        'da/activities/babymassage/index.html',
        'da/index.html',
        'da/sitemap.xml',
      ].sort(),
    )
    for (const p of pages) {
      expect(statSync(path.join(staging, p)).ino, p).toBe(statSync(cachedCopy(cache, p)).ino)
      expect(readFileSync(path.join(staging, p), 'utf8')).toBe(`now: ${p}`)
    }
    // Another build finds no spare to take, and builds its folder from the cache.
    const other = path.join(work, 'builds', 'other')
    expect([...linkCachedPages(cache, other, spare)].sort()).toEqual([...pages].sort())
  })

  it('takes out of the spare a page whose cached copy is gone, so that Astro renders it', () => {
    const spare = path.join(work, 'spare')
    mkdirSync(path.join(spare, 'da'), { recursive: true })
    linkSync(cachedCopy(cache, 'da/sitemap.xml'), path.join(spare, 'da/sitemap.xml'))
    rmSync(cachedCopy(cache, 'da/sitemap.xml'))
    write(path.join(spare, 'da/index.html'), 'before')
    rmSync(cachedCopy(cache, 'da/index.html'))
    const staging = path.join(work, 'staging')
    const linked = linkCachedPages(cache, staging, spare)
    expect(linked.has('da/sitemap.xml')).toBe(false)
    expect(linked.has('da/index.html')).toBe(false)
    expect(existsSync(path.join(staging, 'da/sitemap.xml'))).toBe(false)
    expect(existsSync(path.join(staging, 'da/index.html'))).toBe(false)
  })
})
