/**
 * The sitemap's files stay within what search engines read (50,000 URLs, 50 MB each): at 5,000
 * activities in 21 languages one file would hold about 105,000 URLs and over 200 MB.
 */
import { describe, expect, it } from 'vitest'
import { sitemapFiles, sitemapIndex, sitemapLimits, urlset } from '../../site/lib/sitemap.ts'

const entry = (i: number, alternates = 21) =>
  `<url><loc>https://modersmaal.dk/da/activities/a-${i}/</loc>${Array.from({ length: alternates }, (_, l) => `<xhtml:link rel="alternate" hreflang="l${l}" href="https://modersmaal.dk/l${l}/activities/a-${i}/"/>`).join('')}</url>`

describe('the sitemap at any size', () => {
  it('cuts 105,000 entries with 21 alternates into files under 50,000 URLs and 50 MB, keeping every entry once, in order', () => {
    const entries = Array.from({ length: 105_000 }, (_, i) => entry(i))
    const files = sitemapFiles(entries)
    expect(files.length).toBeGreaterThan(4) // by size: about 5 KB an entry
    for (const file of files) {
      expect(file.length).toBeLessThanOrEqual(sitemapLimits.urls)
      expect(Buffer.byteLength(urlset(file))).toBeLessThanOrEqual(sitemapLimits.bytes)
    }
    expect(files.flat()).toEqual(entries)
  })

  it('cuts by count when entries are small', () => {
    const files = sitemapFiles(Array.from({ length: 120_001 }, (_, i) => entry(i, 0)))
    expect(files.map((f) => f.length)).toEqual([50_000, 50_000, 20_001])
  })

  it('keeps a small site in one file, and lists the files in the index', () => {
    expect(sitemapFiles([entry(1), entry(2)])).toEqual([[entry(1), entry(2)]])
    expect(sitemapIndex(2, new URL('https://modersmaal.dk'))).toContain('<sitemap><loc>https://modersmaal.dk/sitemaps/2.xml</loc></sitemap>')
  })
})
