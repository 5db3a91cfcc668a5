/**
 * Pictures are encoded once: each variant is kept in the image cache under a hash of its original,
 * and every later build links it. A new picture file is a new entry; the variants are real WebP.
 * An entry no built site holds goes once it has gone unused for a week.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../content/load.ts'
import { pruneImageCache, writeImages } from '../../site/lib/images.ts'

const repoContent = path.resolve(import.meta.dirname, '../../content')

describe('picture variants', () => {
  let work: string
  const before = process.env.MODERSMAL_IMAGE_CACHE
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'modersmal-images-'))
    process.env.MODERSMAL_IMAGE_CACHE = path.join(work, 'cache')
  })
  afterAll(() => {
    if (before === undefined) delete process.env.MODERSMAL_IMAGE_CACHE
    else process.env.MODERSMAL_IMAGE_CACHE = before
    rmSync(work, { recursive: true, force: true })
  })

  it('are encoded once, then linked from the cache; a changed picture is encoded anew', async () => {
    const { media } = await loadContent(repoContent)
    const one = media.find((m) => m.slug === 'mor-og-baby')!
    const cache = path.join(work, 'cache')

    await writeImages(repoContent, [one], path.join(work, 'a'))
    const entries = readdirSync(cache).sort()
    expect(entries.length).toBeGreaterThan(0)
    const variants = readdirSync(path.join(work, 'a', 'media')).sort()
    expect(variants).toEqual(expect.arrayContaining(['mor-og-baby-320.webp']))
    expect((await sharp(path.join(work, 'a', 'media', 'mor-og-baby-320.webp')).metadata()).format).toBe('webp')

    // A second build: nothing encoded, every variant the cache's own file.
    const mtimes = entries.map((e) => statSync(path.join(cache, e)).mtimeMs)
    await writeImages(repoContent, [one], path.join(work, 'b'))
    expect(readdirSync(cache).sort()).toEqual(entries)
    expect(entries.map((e) => statSync(path.join(cache, e)).mtimeMs)).toEqual(mtimes)
    const cachedInodes = new Set(entries.map((e) => statSync(path.join(cache, e)).ino))
    for (const v of variants) expect(cachedInodes.has(statSync(path.join(work, 'b', 'media', v)).ino), v).toBe(true)

    // Another picture under the same name: new entries, and the site gets its pixels.
    const content = path.join(work, 'content')
    mkdirSync(path.join(content, 'media', 'files'), { recursive: true })
    const other = path.join(content, 'media', 'files', one.file)
    copyFileSync(path.join(repoContent, 'media', 'files', 'haand-og-fodaftryk.png'), other)
    await writeImages(content, [one], path.join(work, 'c'))
    expect(readdirSync(cache).length).toBeGreaterThan(entries.length)
    const shown = readFileSync(path.join(work, 'c', 'media', 'mor-og-baby-320.webp'))
    expect(shown.equals(readFileSync(path.join(work, 'b', 'media', 'mor-og-baby-320.webp')))).toBe(false)
  })

  it('lets go of the variants no built site holds once they have gone unused, and of killed encodes', async () => {
    const cache = path.join(work, 'cache')
    // Sites a and b showed the first picture; c shows the one that replaced it.
    const held = (site: string) => new Set(readdirSync(path.join(work, site, 'media')).map((v) => statSync(path.join(work, site, 'media', v)).ino))
    const old = readdirSync(cache).filter((e) => held('b').has(statSync(path.join(cache, e)).ino))
    expect(old.length).toBeGreaterThan(0)
    writeFileSync(path.join(cache, `${old[0]}.123-abc.tmp`), 'cut off')
    const later = (days: number) => ({ now: Date.now() + days * 24 * 60 * 60 * 1000 })
    // Kept while a site links them, however long; a killed encode's file goes after a day.
    expect(await pruneImageCache(cache, later(30))).toEqual([`${old[0]}.123-abc.tmp`])
    // Kept when unused for less than the time given.
    rmSync(path.join(work, 'a'), { recursive: true })
    rmSync(path.join(work, 'b'), { recursive: true })
    expect(await pruneImageCache(cache)).toEqual([])
    expect(await pruneImageCache(cache, later(6))).toEqual([])
    expect((await pruneImageCache(cache, later(8))).sort()).toEqual([...old].sort())
    // What c links stays.
    const left = readdirSync(cache)
    expect(left.length).toBeGreaterThan(0)
    expect(left.every((e) => held('c').has(statSync(path.join(cache, e)).ino))).toBe(true)
  })
})
