/**
 * The sitemap: every page in every language it is built in, each with its alternates (hreflang),
 * in files that search engines accept (at most 50,000 URLs and 50 MB each), listed by an index at
 * /sitemap.xml. At 5,000 activities in 21 languages the site has about 105,000 pages, and each
 * entry carries 21 alternates, so the files are cut by size as well as by count. The entries
 * themselves: ./sitemap-entries.ts.
 */
import { absolute } from '../../content/urls.ts'

/** The protocol's limits (sitemaps.org): URLs per file, and bytes per file uncompressed. */
export const sitemapLimits = { urls: 50_000, bytes: 50 * 1024 * 1024 }

const urlsetHead = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
const urlsetFoot = '\n</urlset>\n'

/** A sitemap file of these entries. */
export const urlset = (entries: readonly string[]): string => `${urlsetHead}${entries.join('\n')}${urlsetFoot}`

/** The entries cut into files within the limits, in order; an entry is never split. */
export function sitemapFiles(entries: readonly string[], limits = sitemapLimits): string[][] {
  const files: string[][] = []
  const frame = Buffer.byteLength(urlsetHead + urlsetFoot)
  let file: string[] = []
  let bytes = frame
  for (const entry of entries) {
    const size = Buffer.byteLength(entry) + 1
    if (file.length && (file.length >= limits.urls || bytes + size > limits.bytes)) {
      files.push(file)
      file = []
      bytes = frame
    }
    file.push(entry)
    bytes += size
  }
  if (file.length || !files.length) files.push(file)
  return files
}

/** Where sitemap file `n` (from 1) is served. */
export const sitemapFilePath = (n: number): string => `/sitemaps/${n}.xml`

/** The sitemap index listing the files. */
export const sitemapIndex = (count: number, site: URL | undefined): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${Array.from({ length: count }, (_, i) => `<sitemap><loc>${absolute(sitemapFilePath(i + 1), site)}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n`
