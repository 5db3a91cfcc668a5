/**
 * The incremental build's cache beside each built site: Astro's manifest and its copies of the
 * pages (cacheDir), and our record of what each page read (site/lib/page-dependencies.ts). A
 * publish must never be served a page made from other content than its key says, so:
 *   - our records are paired with the manifest they were written with (its digest); a pair that
 *     does not match (a build killed between the two writes) throws the whole cache away;
 *   - a build that failed, or was killed, may have rewritten some page copies without writing
 *     the manifest that describes them: everything it wrote into the cache is deleted (those pages
 *     are rendered again; a full disk gets its room back), the rest stays as it was.
 * The cache holds every page (Astro's copies); the built site links the ones it reuses
 * (./reuse-pages.ts), so a page unchanged between builds takes its room once.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { PageRecords } from '../lib/page-dependencies.ts'

/** Where the cache of a site built into `outDir` lives: beside it, never inside what is served. */
export const cacheDirFor = (outDir: string): string => path.join(path.dirname(path.resolve(outDir)), `.${path.basename(outDir)}-build-cache`)

const manifestFile = (dir: string) => path.join(dir, 'incremental-build.json')
const recordsFile = (dir: string) => path.join(dir, 'page-records.json')
const markerFile = (dir: string) => path.join(dir, 'building')

const digestOf = (file: string): string | null => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null)

/** Opens the cache for one build: the records that match Astro's manifest ({} for a full build). */
export async function openBuildCache(dir: string): Promise<PageRecords> {
  await mkdir(dir, { recursive: true })
  if (existsSync(markerFile(dir))) await undoBuild(dir)
  const manifest = digestOf(manifestFile(dir))
  let records: { manifest: string | null; pages: PageRecords } | undefined
  try {
    records = JSON.parse(readFileSync(recordsFile(dir), 'utf8'))
  } catch {
    records = undefined
  }
  if (manifest && records?.manifest !== manifest) {
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    records = undefined
  }
  await writeFile(markerFile(dir), String(Date.now()))
  return records?.pages ?? {}
}

/** After Astro's build: our records beside the manifest it wrote. */
export async function keepBuildCache(dir: string, pages: PageRecords): Promise<void> {
  const tmp = `${recordsFile(dir)}.${process.pid}`
  await writeFile(tmp, JSON.stringify({ manifest: digestOf(manifestFile(dir)), pages }))
  await rename(tmp, recordsFile(dir))
  await rm(markerFile(dir), { force: true })
}

/** After a failed build: the page copies it wrote are deleted; the rest stays as it was. */
export async function abandonBuildCache(dir: string): Promise<void> {
  if (existsSync(markerFile(dir))) await undoBuild(dir)
}

/** Takes out what the build that left the marker wrote; a cache that had no manifest holds nothing else. */
async function undoBuild(dir: string): Promise<void> {
  if (!existsSync(manifestFile(dir))) {
    for (const entry of await readdir(dir)) await rm(path.join(dir, entry), { recursive: true, force: true })
    return
  }
  const since = statSync(markerFile(dir)).mtimeMs
  const entries = (await readdir(dir, { recursive: true })).map((e) => path.join(dir, e))
  const dirs: string[] = []
  for (const entry of entries) {
    const s = await stat(entry).catch(() => undefined)
    if (s?.isFile() && s.mtimeMs >= since) await rm(entry, { force: true })
    else if (s?.isDirectory()) dirs.push(entry)
  }
  // Folders it made, now empty, deepest first.
  for (const d of dirs.sort((a, b) => b.length - a.length)) {
    const s = await stat(d).catch(() => undefined)
    if (s && s.ctimeMs >= since && (await readdir(d)).length === 0) await rm(d, { recursive: true, force: true })
  }
  await rm(markerFile(dir), { force: true })
}
