/**
 * Leaflet benchmarks (for `npm run bench`; also runs alone: `npx tsx scripts/bench-leaflets.ts`):
 * - every leaflet PDF (8 municipalities × translated languages, single and bilingual) printed by
 *   Chromium from a fresh site build: total time, time per PDF, at 1 and 2 pages at once;
 * - PDF sizes (total, median, largest), single and bilingual;
 * - peak memory of the whole process tree (this Node process plus Chromium's), sampled from /proc.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { loadContent } from '../content/load.ts'
import { buildSite } from '../site/build/build-site.ts'
import { planLeaflets, renderLeaflets } from '../site/print/leaflet-pdfs.ts'
import { serveSite } from '../site/server/serve.ts'
import { launchChromium } from '../site/print/chromium.ts'

const repo = process.cwd()
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Resident memory (MB) of this process and all its descendants (Chromium's renderers, GPU, …). */
function treeRssMb(rootPid = process.pid): number {
  const parent = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // The process ended while we looked.
    }
  }
  let kbTotal = 0
  for (const pid of parent.keys()) {
    let p: number | undefined = pid
    while (p && p !== rootPid) p = parent.get(p)
    if (p !== rootPid) continue
    try {
      kbTotal += Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0)
    } catch {
      // Gone.
    }
  }
  return kbTotal / 1024
}

export async function benchLeaflets(scratch: string, report: (what: string, figure: string) => void): Promise<void> {
  const set = await loadContent(path.join(repo, 'content'))
  const siteDir = path.join(scratch, 'leaflet-site')
  const built = await buildSite({ root: repo, contentDir: path.join(repo, 'content'), outDir: siteDir })
  report('leaflets: site build they print from', `${(built.ms / 1000).toFixed(1)} s`)
  const { jobs, refused } = planLeaflets(set)
  const langs = [...new Set(jobs.map((j) => j.lang))]
  report(`leaflets: plan (${set.municipalities.length} municipalities × ${langs.length} translated languages: ${langs.join(', ')})`, `${jobs.length} PDFs, ${refused.length} refused as untranslated`)
  const server = await serveSite(siteDir, 0)
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    for (const concurrency of [1, 2]) {
      const outDir = path.join(scratch, `leaflets-${concurrency}`)
      let peak = treeRssMb()
      let peakChromium = 0
      const sampler = setInterval(() => {
        const tree = treeRssMb()
        peak = Math.max(peak, tree)
        peakChromium = Math.max(peakChromium, tree - process.memoryUsage.rss() / 1024 / 1024)
      }, 100)
      const started = performance.now()
      const browser = await launchChromium()
      try {
        await renderLeaflets({ browser, origin, outDir, jobs, concurrency })
      } finally {
        await browser.close()
        clearInterval(sampler)
      }
      const seconds = (performance.now() - started) / 1000
      report(
        `leaflets: all ${jobs.length} PDFs, ${concurrency} at once (Chromium start included)`,
        `${seconds.toFixed(1)} s, ${((seconds * 1000) / jobs.length).toFixed(0)} ms/PDF, peak memory ${Math.round(peak)} MB (Node + Chromium; Chromium alone ${Math.round(peakChromium)} MB)`,
      )
      if (concurrency === 2) {
        for (const variant of ['single', 'bilingual'] as const) {
          const sizes = await Promise.all(jobs.filter((j) => j.variant === variant).map(async (j) => (await stat(path.join(outDir, j.file))).size))
          const total = sizes.reduce((a, b) => a + b, 0)
          report(`leaflets: PDF size, ${variant} (${sizes.length})`, `total ${(total / 1024 / 1024).toFixed(1)} MB, median ${kb(median(sizes))}, largest ${kb(Math.max(...sizes))}`)
        }
      }
    }
  } finally {
    server.close()
  }
}
