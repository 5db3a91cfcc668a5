/**
 * Site benchmarks (part of `npm run bench`):
 * - first-paint bytes of every QR landing page (HTML with its inlined CSS; fonts swap in later),
 *   gzip and brotli, max and median per language, against the 14 KB budget;
 * - the whole site's build: time, pages per second, peak memory (in a child process);
 * - the floor: a bare Astro project building the same number of trivial pages (ratio).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { loadContent } from '../content/load.ts'
import { localeCodes } from '../locales/registry.ts'

const repo = process.cwd()
const budget = 14 * 1024
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

export interface SiteFigures {
  buildSeconds: number
  pages: number
  peakMb: number
}

/** Builds the site in a child process, so its peak memory is its own. */
export function timedBuild(args: string[], env: Record<string, string>): { seconds: number; peakMb: number; output: string } {
  // VmHWM, not resourceUsage().maxRSS: the latter carries the parent's peak across fork/exec.
  const script = `const t=performance.now();await import(${JSON.stringify(path.join(repo, args[0]!))});const {readFileSync}=await import('node:fs');const hwm=Number(readFileSync('/proc/self/status','utf8').match(/VmHWM:\\s+(\\d+)/)[1]);console.log('BENCH',(performance.now()-t)/1000,hwm/1024)`
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, env: { ...process.env, ...env }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`)
  const [, seconds, peak] = r.stdout.match(/BENCH ([\d.]+) ([\d.]+)/)!
  return { seconds: Number(seconds), peakMb: Number(peak), output: r.stdout }
}

export async function benchSite(scratch: string, report: (what: string, figure: string) => void): Promise<void> {
  // The real site.
  const dist = path.join(scratch, 'site-dist')
  const real = timedBuild(['scripts/build-site.ts'], { MODERSMAL_DIST_DIR: dist })
  const pages = Number(real.output.match(/: (\d+) pages/)![1])
  report(`site build: ${pages} pages, all locales`, `${real.seconds.toFixed(1)} s, ${Math.round(pages / real.seconds)} pages/s, peak ${Math.round(real.peakMb)} MB`)

  // First paint of the landing pages.
  const { municipalities } = await loadContent(path.join(repo, 'content'))
  const all: number[] = []
  const worst: Array<[string, number]> = []
  for (const lang of localeCodes) {
    const sizes = municipalities.map((m) => {
      const html = readFileSync(path.join(dist, lang, m.slug, 'index.html'))
      return { gzip: gzipSync(html, { level: 9 }).length, brotli: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length }
    })
    const gz = sizes.map((s) => s.gzip)
    all.push(...gz)
    worst.push([lang, Math.max(...gz)])
    report(`landing page first paint, ${lang} (gzip max / median; brotli max)`, `${kb(Math.max(...gz))} / ${kb(median(gz))}; ${kb(Math.max(...sizes.map((s) => s.brotli)))}`)
  }
  const max = Math.max(...all)
  report('landing page first paint, all languages (gzip max / median)', `${kb(max)} / ${kb(median(all))} = ${((max / budget) * 100).toFixed(0)}% of the 14 KB budget`)

  // The floor: a bare Astro project with the same number of trivial pages.
  const floor = path.join(repo, '.bench', 'floor')
  rmSync(floor, { recursive: true, force: true })
  mkdirSync(path.join(floor, 'src', 'pages'), { recursive: true })
  writeFileSync(path.join(floor, 'astro.config.mjs'), "import { defineConfig } from 'astro/config'\nexport default defineConfig({})\n")
  writeFileSync(
    path.join(floor, 'src', 'pages', '[...page].astro'),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, i) => ({ params: { page: 'p' + i } })) }\n---\n<html lang="da"><head><title>{Astro.params.page}</title></head><body><h1>{Astro.params.page}</h1></body></html>\n`,
  )
  writeFileSync(path.join(floor, 'build.mjs'), "import { build } from 'astro'\nawait build({ root: process.cwd() + '/.bench/floor', logLevel: 'error' })\n")
  const bare = timedBuild(['.bench/floor/build.mjs'], {})
  report(`floor: bare Astro, ${pages} trivial pages`, `${bare.seconds.toFixed(1)} s, peak ${Math.round(bare.peakMb)} MB`)
  report('ratio: our site build / bare Astro floor', `${(real.seconds / bare.seconds).toFixed(2)}×`)
  rmSync(path.join(repo, '.bench'), { recursive: true, force: true })
}
