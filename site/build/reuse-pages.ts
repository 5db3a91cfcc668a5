/**
 * The pages an incremental build reuses are hard-linked into its fresh staging folder before Astro
 * runs, where Astro would copy each from its cache (a folder and a file created per page, one at a
 * time: most of a publish's build on a slow disk). Astro then finds each reused page in place.
 *
 * Links are safe because, while Astro builds, every file it writes into the cache or the staging
 * folder is written anew, never over the one there (`writeOnce`): a page that the cache, a staging
 * folder and the live site share is never changed in place, so the live site cannot change under
 * a build, and a failed build leaves the cache's copies as they were.
 */
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync } from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Astro's manifest of the last build in this cache: every page's output file, relative to outDir. */
function outputsOf(cacheDir: string): Set<string> {
  try {
    const manifest = JSON.parse(readFileSync(path.join(cacheDir, 'incremental-build.json'), 'utf8')) as {
      routes: Record<string, { paths: Record<string, { outputFile: string }> }>
    }
    return new Set(Object.values(manifest.routes).flatMap((r) => Object.values(r.paths).map((p) => p.outputFile)))
  } catch {
    return new Set()
  }
}

/**
 * How many pages (HTML files) a build made, counted from the cache's manifest, not the disk (a walk
 * of every folder). Astro's manifest lists the routes with getStaticPaths; the language chooser
 * (/index.html, the only page without) is counted where it was built.
 */
export const pagesBuilt = (cacheDir: string, built: string): number => [...outputsOf(cacheDir)].filter((f) => f.endsWith('.html')).length + (existsSync(path.join(built, 'index.html')) ? 1 : 0)

/** Astro keeps its copy of each page under <cacheDir>/dist/ (astro/dist/core/build/incremental.js). */
export const cachedCopy = (cacheDir: string, output: string) => path.join(cacheDir, 'dist', output)

/**
 * Links every page of the cache's last build into `staging`; returns which, for `dropGone`.
 *
 * Made from nothing, that is a folder per page (ten thousand folders at 10,000 pages, most of an
 * incremental build's time on ext4). So when there is a spare (the build served before the
 * current one, which the swap keeps: ./swap.ts), it is taken instead, in one rename, and corrected:
 * a page that is a link to the cache's copy stays, any other page is linked anew, and everything
 * else in it (the steps after Astro write those again) is removed, with the folders that leaves
 * empty. Nothing in a spare is trusted but that a file is the very file (inode) of the cache.
 */
export function linkCachedPages(cacheDir: string, staging: string, spare?: string): Set<string> {
  const outputs = outputsOf(cacheDir)
  const made = new Set<string>()
  const linked = new Set<string>()
  const present = spare ? takeSpare(spare, staging, outputs, made) : new Set<string>()
  let linking = true
  for (const output of outputs) {
    const from = cachedCopy(cacheDir, output)
    const to = path.join(staging, output)
    const cached = statSync(from, { throwIfNoEntry: false })
    if (present.has(output)) {
      const there = lstatSync(to)
      if (cached && there.ino === cached.ino && there.dev === cached.dev) {
        linked.add(output)
        continue
      }
      unlinkSync(to)
    }
    if (!cached || !linking) continue
    const dir = path.dirname(to)
    if (!made.has(dir)) mkdirSync(dir, { recursive: true })
    made.add(dir)
    try {
      linkSync(from, to)
    } catch (e) {
      // The cache on another disk than the staging folder: Astro copies the rest, as it would
      // (the loop goes on only to take the spare's pages out).
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e
      linking = false
      continue
    }
    linked.add(output)
  }
  return linked
}

/**
 * Renames the spare to `staging` and keeps in it only files at a page's place: returns those. Its
 * folders go into `made`. Without a spare (none kept, or another build took it), nothing.
 */
function takeSpare(spare: string, staging: string, pages: Set<string>, made: Set<string>): Set<string> {
  mkdirSync(path.dirname(staging), { recursive: true })
  try {
    renameSync(spare, staging)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EXDEV') return new Set()
    throw e
  }
  const present = new Set<string>()
  const emptied = new Set<string>()
  made.add(staging)
  for (const entry of readdirSync(staging, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name)
    if (entry.isDirectory()) {
      made.add(file)
      continue
    }
    const output = path.relative(staging, file)
    if (pages.has(output)) present.add(output)
    else {
      unlinkSync(file)
      emptied.add(entry.parentPath)
    }
  }
  for (const dir of emptied) removeEmptyFolders(dir, staging, made)
  return present
}

/** `dir` and each folder above it, up to `root`, while empty. */
function removeEmptyFolders(dir: string, root: string, made?: Set<string>): void {
  for (let d = dir; d.startsWith(root + path.sep); d = path.dirname(d)) {
    try {
      rmdirSync(d)
      made?.delete(d)
    } catch {
      break
    }
  }
}

/** After Astro's build: the linked pages it no longer builds (a deleted activity) are taken out. */
export function dropGone(cacheDir: string, staging: string, linked: Set<string>): void {
  const built = outputsOf(cacheDir)
  for (const output of linked) {
    if (built.has(output)) continue
    const file = path.join(staging, output)
    if (!existsSync(file)) continue
    rmSync(file)
    // Its folder too, and any above it that it leaves empty.
    removeEmptyFolders(path.dirname(file), staging)
  }
}

/**
 * Until the returned function is called, a write through `fs.promises.writeFile` (Astro's, for
 * pages and their cache copies) to a file under one of `dirs` first removes the file there, so the
 * write makes a new file instead of changing one that links share.
 */
export function writeOnce(dirs: string[]): () => void {
  const roots = dirs.map((d) => path.resolve(d) + path.sep)
  const original = fsp.writeFile
  const under = (file: unknown): string | undefined => {
    const p = typeof file === 'string' ? path.resolve(file) : file instanceof URL && file.protocol === 'file:' ? fileURLToPath(file) : undefined
    return p && roots.some((r) => p.startsWith(r)) ? p : undefined
  }
  const replacement: typeof fsp.writeFile = async (file, data, options) => {
    const p = under(file)
    if (p) await fsp.rm(p, { force: true })
    return original(file, data, options)
  }
  fsp.writeFile = replacement
  return () => {
    if (fsp.writeFile === replacement) fsp.writeFile = original
  }
}
