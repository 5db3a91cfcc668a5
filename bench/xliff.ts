/**
 * XLIFF benchmarks on SQLite (for `npm run bench`; also runs alone:
 * `npx tsx scripts/bench-xliff.ts [--activities 500]`), for the demo content and a generated set:
 * - export of a full locale (Arabic): time, units, file size;
 * - import of that file with every target revised (an agency's round): time, documents written;
 * - import of a file with one refused unit: the time to check everything and write nothing.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'
import { js2xliff, xliff2js, type XliffGroup, type XliffUnit } from 'xliff'
import { closeCms, openCms } from '../cms/boot.ts'
import { seedContent } from '../cms/sync/seed.ts'
import { exportXliff, importXliff } from '../cms/sync/xliff.ts'
import { generateContent } from '../content/generate.ts'

type Report = (what: string, figure: string) => void
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ms = (t: number) => (t < 10_000 ? `${t.toFixed(0)} ms` : `${(t / 1000).toFixed(1)} s`)

/** What an agency sends back: every target set (revised or new), through the same library. */
async function revise(xml: string, breakUnit?: (id: string) => boolean): Promise<string> {
  const js = await xliff2js(xml)
  const walk = (entries: Record<string, XliffUnit | XliffGroup>) => {
    for (const [id, e] of Object.entries(entries)) {
      if ('groupUnits' in e) walk(e.groupUnits)
      else {
        e.target = `${typeof e.target === 'string' ? e.target : String(e.source)} (مراجعة)`
        if (breakUnit?.(id)) e.note = 'sourceHash: 000000000000'
      }
    }
  }
  for (const file of Object.values(js.resources)) walk(file)
  return js2xliff(js, { indent: '  ' })
}

async function run(payload: Payload, label: string, report: Report) {
  let t = performance.now()
  const exported = await exportXliff(payload, { locale: 'ar' })
  const exportMs = performance.now() - t
  const xml = exported.xml!
  report(`xliff ${label}: export Arabic (${exported.documents} documents, ${exported.units} units)`, `${ms(exportMs)}  (${(Buffer.byteLength(xml) / 1024).toFixed(0)} KB)`)

  const revised = await revise(xml)
  const refused = await revise(xml, (id) => id.endsWith('.title'))
  t = performance.now()
  const bad = await importXliff(payload, refused, { status: 'machine' })
  report(`xliff ${label}: import refused (${bad.refused.length} units), nothing written`, ms(performance.now() - t))
  t = performance.now()
  const good = await importXliff(payload, revised, { status: 'reviewed' })
  const importMs = performance.now() - t
  if (good.refused.length) throw new Error(`The revised file was refused: ${good.refused[0]!.unit}: ${good.refused[0]!.reason}`)
  const units = good.imported.reduce((n, d) => n + d.units, 0)
  report(`xliff ${label}: import Arabic, every unit revised (${good.imported.length} documents, ${units} units)`, `${ms(importMs)}  (${(importMs / good.imported.length).toFixed(1)} ms/document)`)
}

export async function benchXliff(scratch: string, report: Report, activities = 500): Promise<void> {
  const demo = path.join(repo, 'content')
  const big = path.join(scratch, 'xliff-generated-content')
  await generateContent(demo, big, activities)
  let instance = 0
  for (const [label, source] of [
    ['demo', demo],
    [`generated (${activities} activities more)`, big],
  ] as const) {
    const dataDir = path.join(scratch, `xliff-${instance}`)
    const payload = await openCms({ database: { url: `file:${path.join(dataDir, 'cms.db')}` }, dataDir, secret: 'bench', key: `bench-xliff-${instance++}` })
    try {
      const t = performance.now()
      await seedContent(payload, source)
      report(`xliff ${label}: seed on sqlite (set-up, not the figure)`, ms(performance.now() - t))
      await run(payload, label, report)
    } finally {
      await closeCms(payload)
    }
  }
}
