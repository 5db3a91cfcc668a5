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
import { existsSync, linkSync, mkdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs'
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

/** Links every page of the cache's last build into `staging`; returns which, for `dropGone`. */
export function linkCachedPages(cacheDir: string, staging: string): Set<string> {
  const outputs = outputsOf(cacheDir)
  const made = new Set<string>()
  const linked = new Set<string>()
  for (const output of outputs) {
    const from = cachedCopy(cacheDir, output)
    if (!existsSync(from)) continue
    const to = path.join(staging, output)
    const dir = path.dirname(to)
    if (!made.has(dir)) mkdirSync(dir, { recursive: true })
    made.add(dir)
    try {
      linkSync(from, to)
    } catch (e) {
      // The cache on another disk than the staging folder: Astro copies the rest, as it would.
      if ((e as NodeJS.ErrnoException).code === 'EXDEV') return linked
      throw e
    }
    linked.add(output)
  }
  return linked
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
    for (let dir = path.dirname(file); dir.startsWith(staging + path.sep); dir = path.dirname(dir)) {
      try {
        rmdirSync(dir)
      } catch {
        break
      }
    }
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
