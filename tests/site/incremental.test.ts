/**
 * Incremental builds are exact: from the demo content, a random series of every kind of change an
 * editor (or a developer) makes, each built incrementally and from scratch, and the two sites
 * compared byte for byte, the search index included. The series is fixed (seed 2026) in `npm
 * test`; MODERSMAL_EQUIVALENCE_SEED=<n> runs another.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite, type SiteBuildResult } from '../../site/build/build-site.ts'
import { changeKinds, seeded, type Project } from '../support/content-changes.ts'

const repo = path.resolve(import.meta.dirname, '../..')
const seed = Number(process.env.MODERSMAL_EQUIVALENCE_SEED ?? 2026)

/** Every file of a built site, by its path. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort()
}

/** Folders of a built site with nothing in them (a build that starts from the last one's folders must leave none). */
function emptyFolders(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(path.join(dir, f)).isDirectory() && readdirSync(path.join(dir, f)).length === 0)
}

/** The files that differ between two built sites (or exist in one only). */
function differences(a: string, b: string): string[] {
  const [fa, fb] = [filesOf(a), filesOf(b)]
  const inB = new Set(fb)
  const out = fa.filter((f) => !inB.has(f) || !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))))
  const inA = new Set(fa)
  return [...out, ...fb.filter((f) => !inA.has(f)).map((f) => `${f} (only from scratch)`)]
}

describe(`incremental builds, equal to full builds (seed ${seed})`, () => {
  let work: string
  const project = (): Project => ({ root: path.join(work, 'project'), rand, n: 0 })
  const rand = seeded(seed)
  let p: Project

  beforeAll(async () => {
    // A copy of the project, so UI strings and layouts can change too; node_modules shared.
    work = mkdtempSync(path.join(tmpdir(), 'modersmal-incremental-'))
    const root = path.join(work, 'project')
    for (const part of ['site', 'locales', 'content', 'system', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'])
      cpSync(path.join(repo, part), path.join(root, part), { recursive: true })
    symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'))
    p = project()
    await build('incremental')
  }, 300_000)
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  let scratches = 0
  const build = (how: 'incremental' | 'scratch'): Promise<SiteBuildResult> => {
    const root = path.join(work, 'project')
    const outDir = path.join(work, how === 'incremental' ? 'incremental' : `scratch-${++scratches}`, 'dist')
    return buildSite({ root, contentDir: path.join(root, 'content'), outDir, ...(how === 'scratch' ? { cacheDir: path.join(path.dirname(outDir), 'cache') } : {}) })
  }

  /** The project built from scratch, and the files in which the incremental site differs from it. */
  async function fromScratch(): Promise<{ scratch: SiteBuildResult; differing: string[] }> {
    const scratch = await build('scratch')
    const dir = path.join(work, `scratch-${scratches}`)
    try {
      return { scratch, differing: differences(path.join(work, 'incremental', 'dist'), path.join(dir, 'dist')) }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  // Every kind once, in an order of the seed's choosing, three to a build.
  const kinds = Object.keys(changeKinds)
  const order = [...kinds]
    .map((k) => [rand(), k] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, k]) => k)
  const steps = Array.from({ length: Math.ceil(order.length / 3) }, (_, i) => order.slice(i * 3, i * 3 + 3))

  it('covers at least 20 kinds of change', () => {
    expect(kinds.length).toBeGreaterThanOrEqual(20)
  })

  it.each(steps.map((s, i) => [i + 1, s.join(' + ')] as const))(
    'step %i: %s',
    async (i) => {
      const said = steps[i - 1]!.map((kind) => `${kind}: ${changeKinds[kind]!(p)}`)
      const incremental = await build('incremental')
      const { scratch, differing } = await fromScratch()
      expect(differing, said.join('; ')).toEqual([])
      expect(emptyFolders(path.join(work, 'incremental', 'dist')), said.join('; ')).toEqual([])
      expect(incremental.pages).toBe(scratch.pages)
      // The count editors read is the site's pages, though taken from Astro's manifest.
      expect(incremental.pages).toBe(filesOf(path.join(work, 'incremental', 'dist')).filter((f) => f.endsWith('.html')).length)
      // It did build less, unless the change was one that every page shows (code, strings).
      const everywhere = steps[i - 1]!.some((k) => k === 'change a layout' || k === 'change a UI string')
      if (!everywhere) expect(incremental.rendered, said.join('; ')).toBeLessThan(scratch.rendered)
    },
    600_000,
  )

  it('a build that fails after rendering pages leaves every file of the live site as it was, and the next build is exact', async () => {
    // Built twice: the second reuses the first's pages, so the live site shares them with the cache.
    await build('incremental')
    const live = path.join(work, 'incremental', 'dist')
    const before = new Map(filesOf(live).map((f) => [f, readFileSync(path.join(live, f))]))
    // A code change re-renders every info page; the last language's fails, after the others'
    // pages have been written (the live site shares its unchanged pages with the cache by links).
    const page = path.join(p.root, 'site', 'pages', '[lang]', 'info', '[page].astro')
    const source = readFileSync(page, 'utf8')
    const last = "if (lang === localeCodes.at(-1)) throw new Error('a page that cannot be built')\n"
    writeFileSync(page, source.replace('const shown = ', `${last}const shown = `).replace('<article', '<article data-changed'))
    await expect(build('incremental')).rejects.toThrow(/a page that cannot be built/)
    writeFileSync(page, source)
    expect(filesOf(live)).toEqual([...before.keys()])
    const changed = [...before].filter(([f, bytes]) => !readFileSync(path.join(live, f)).equals(bytes)).map(([f]) => f)
    expect(changed).toEqual([])
    await build('incremental')
    expect((await fromScratch()).differing).toEqual([])
  }, 600_000)
})
