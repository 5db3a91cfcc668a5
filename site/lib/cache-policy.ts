/**
 * How long a browser may keep a file of the site without asking again. Files whose names carry a
 * digest of their content (Astro's bundles, Pagefind's index chunks, fragments, filters and
 * metadata, the quick index's words and entries) never change under their name: a phone keeps
 * them for a year, so a volunteer who searches the catalogue again downloads only what is new.
 * Everything else is asked for again each time (a cheap 304 when unchanged), so a publish is seen
 * at once.
 *
 * One list, in the `_headers` syntax of static hosts (site/build/headers.ts), which our own
 * servers (site/server/static-files.ts) read too.
 */

export const keepForAYear = 'public, max-age=31536000, immutable'

/** Path patterns of content-addressed files; `*` is any run of characters but `/`. */
export const contentAddressed = [
  '/_astro/*',
  '/pagefind/index/*',
  '/pagefind/fragment/*',
  '/pagefind/filter/*',
  '/pagefind/*.pf_meta',
  '/pagefind-films/index/*',
  '/pagefind-films/fragment/*',
  '/pagefind-films/filter/*',
  '/pagefind-films/*.pf_meta',
  // The catalogue's quick index: its words and entries (not quick.json, which names them).
  '/search/*/w/*',
  '/search/*/e/*',
] as const

const patterns = contentAddressed.map((p) => new RegExp(`^${p.replace(/[.]/g, '\\.').replaceAll('*', '[^/]+')}$`))

/** Whether the file at `pathname` is named by its content. */
export const isContentAddressed = (pathname: string): boolean => patterns.some((p) => p.test(pathname))
