/**
 * The search indexes (Pagefind), written again only for the languages whose records changed.
 *
 * Pagefind indexes each language on its own: a language's files carry its code and a hash of their
 * content in their names (`index/ar_….pf_index`, `pagefind.ar_….pf_meta`), and one entry file
 * lists the languages. A language indexed alone gives the same files, byte for byte, as indexed
 * with the others (checked with Pagefind 1.6, and by tests/site/incremental.test.ts on every
 * change). So a publish that changed Arabic pages indexes the Arabic ones, and takes every other
 * language's files from the last index.
 *
 * The last index of each kind is kept in the build cache with the signature of each language's
 * records. Files there are never changed once written (a new index is a new folder, renamed into
 * place), so the built site links them.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { withPagefindIndex } from './pagefind-index.ts'
import { filesOf, linkInto, linkTree } from '../../system/files.ts'

export interface SearchRecord {
  url: string
  /** A whole HTML page; Pagefind reads its <html lang> and what is marked data-pagefind-body. */
  content: string
}

export interface SearchLanguage {
  /** Differs whenever what is indexed would: the language is indexed again only when it does. */
  signature: string
  /** What to index: pages made for it, or the files of a built site that a glob matches (Pagefind reads them itself). */
  pages: { records: () => Promise<SearchRecord[]> } | { dir: string; glob: string }
}

export interface SearchIndexResult {
  /** The languages indexed in this build; the others' files came from the last index. */
  indexed: string[]
}

interface Kept {
  pagefind: string
  signatures: Record<string, string>
}

interface Entry {
  version: string
  languages: Record<string, unknown>
  [more: string]: unknown
}

/** An index kept from another Pagefind version is not reused. Its package exports no package.json: found the way Node finds packages. */
function installedPagefind(): string {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', 'pagefind', 'package.json')
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).version
    if (dir === path.dirname(dir)) throw new Error('Pagefind is not installed')
  }
}
const pagefindVersion = installedPagefind()
const keptFile = '.signatures.json'
const entryFile = 'pagefind-entry.json'

/** The language a file of a Pagefind index belongs to (`unknown` for pages without one), or undefined for the files all share. */
function languageOf(file: string): string | undefined {
  const name = path.basename(file)
  if (/^(index|fragment|filter)\//.test(file)) return name.slice(0, name.indexOf('_'))
  return (/^pagefind\.(.+)_[0-9a-f]+\.pf_meta$/.exec(name) ?? /^wasm\.(.+)\.pagefind$/.exec(name))?.[1]
}

function readKept(dir: string): Kept | undefined {
  try {
    const kept = JSON.parse(readFileSync(path.join(dir, keptFile), 'utf8')) as Kept
    return kept.pagefind === pagefindVersion ? kept : undefined
  } catch {
    return undefined
  }
}

/**
 * Writes the index `name` of these languages into `outDir` (as links to the cache's files),
 * indexing only the languages whose signature differs from the cached index's.
 */
export async function writeSearchIndex(name: string, languages: ReadonlyMap<string, SearchLanguage>, { cacheDir, outDir }: { cacheDir: string; outDir: string }): Promise<SearchIndexResult> {
  const root = path.join(cacheDir, 'search')
  const keptDir = path.join(root, name)
  await mkdir(root, { recursive: true })
  // What a build killed while writing an index left.
  for (const e of await readdir(root)) if (e.startsWith(`${name}.`)) await rm(path.join(root, e), { recursive: true, force: true })
  const kept = readKept(keptDir)
  const stale = (lang: string) => kept?.signatures[lang] !== languages.get(lang)!.signature
  const changed = [...languages.keys()].filter(stale)
  const gone = Object.keys(kept?.signatures ?? {}).filter((l) => !languages.has(l))
  if (kept && changed.length === 0 && gone.length === 0) {
    await linkTree(keptDir, outDir, (f) => f !== keptFile)
    return { indexed: [] }
  }
  const fresh = path.join(root, `${name}.${process.pid}`)
  await indexLanguages(changed, languages, fresh)
  if (kept) await mergeKept(keptDir, fresh, new Set([...changed, ...gone]))
  const signatures = Object.fromEntries([...languages].map(([l, s]) => [l, s.signature]))
  await writeFile(path.join(fresh, keptFile), JSON.stringify({ pagefind: pagefindVersion, signatures } satisfies Kept))
  // The old index out, the new one in; killed between the two, the next build indexes everything.
  await rm(keptDir, { recursive: true, force: true })
  await rename(fresh, keptDir)
  await linkTree(keptDir, outDir, (f) => f !== keptFile)
  return { indexed: changed }
}

async function indexLanguages(langs: string[], languages: ReadonlyMap<string, SearchLanguage>, outputPath: string): Promise<void> {
  await withPagefindIndex(async (index) => {
    for (const lang of langs) {
      const { pages } = languages.get(lang)!
      if ('glob' in pages) {
        const added = await index.addDirectory({ path: pages.dir, glob: pages.glob })
        if (added.errors.length) throw new Error(`Pagefind could not index ${pages.glob}: ${added.errors.join('; ')}`)
        continue
      }
      for (const record of await pages.records()) {
        const added = await index.addHTMLFile(record)
        if (added.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`)
      }
    }
    const written = await index.writeFiles({ outputPath })
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
  })
}

/** Into the fresh index: every file of the kept one for the languages not indexed again, and the entry joined. */
async function mergeKept(keptDir: string, fresh: string, replaced: Set<string>): Promise<void> {
  const have = new Set(await filesOf(fresh))
  const made = new Set<string>()
  for (const file of await filesOf(keptDir)) {
    const lang = languageOf(file)
    if (file === keptFile || file === entryFile || have.has(file) || (lang !== undefined && replaced.has(lang))) continue
    await linkInto(path.join(keptDir, file), path.join(fresh, file), made)
  }
  const old = JSON.parse(await readFile(path.join(keptDir, entryFile), 'utf8')) as Entry
  const now = JSON.parse(await readFile(path.join(fresh, entryFile), 'utf8')) as Entry
  const joined = { ...now.languages }
  for (const [lang, info] of Object.entries(old.languages)) if (!replaced.has(lang)) joined[lang] = info
  // Pagefind writes the languages in code order.
  now.languages = Object.fromEntries(Object.entries(joined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  await writeFile(path.join(fresh, entryFile), JSON.stringify(now))
}
