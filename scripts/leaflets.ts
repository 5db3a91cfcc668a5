/**
 * npm run leaflets: the leaflet PDFs, printed by real Chromium from a fresh build of the site.
 *
 *   npm run leaflets -- [--municipality aarhus] [--lang ar] [--no-bilingual] [--a4]
 *                       [--concurrency 2] [--out dist/leaflets] [--site <a built site>]
 *
 * Writes <out>/<municipality>-<lang>.pdf (A5, two pages), <out>/bilingual/<municipality>-<lang>.pdf
 * (beside Danish) and with --a4 the same two-up on A4 landscape under <out>/a4/. A language whose
 * leaflet text is not fully translated is not printed: the command names the missing fields and
 * goes on with the others (exit 1 only when nothing asked for could be printed, or a print failed).
 * QR codes point to SITE_URL (default http://localhost:4321): set it to the public address.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ContentError, loadContent } from '../content/load.ts'
import { getLocale, isLocaleCode, localeCodes, type LocaleCode } from '../locales/registry.ts'
import { buildSite } from '../site/build/build-site.ts'
import { planLeaflets, renderLeaflets, type LeafletRefusal } from '../site/print/leaflet-pdfs.ts'
import { serveSite } from '../site/server/serve.ts'
import { launchChromium } from '../site/print/chromium.ts'
import { integer, parseCommand } from '../system/cli.ts'
import { ensureSystemPackages } from '../system/packages.ts'

const { values: args, fail: usage } = parseCommand({
  usage: 'Usage: npm run leaflets [-- --municipality <slug,…>] [--lang <code,…>] [--no-bilingual] [--a4] [--concurrency 2] [--out dist/leaflets] [--site <a built site>]',
  options: {
    municipality: { type: 'string', multiple: true },
    lang: { type: 'string', multiple: true },
    'no-bilingual': { type: 'boolean', default: false },
    a4: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '2' },
    out: { type: 'string', default: 'dist/leaflets' },
    site: { type: 'string' },
  },
})
const concurrency = integer(usage, 'concurrency', args.concurrency, 1, 8)

const root = process.cwd()
const fail = (message: string): never => {
  console.error(message)
  process.exit(1)
}

const langs = args.lang?.flatMap((l) => l.split(','))
const badLang = langs?.filter((l) => !isLocaleCode(l))
if (badLang?.length) fail(`Unknown language: ${badLang.join(', ')}. Known: ${localeCodes.join(', ')}`)

try {
  ensureSystemPackages(['chromium'])
} catch (e) {
  fail((e as Error).message)
}

const contentDir = path.resolve(process.env.MODERSMAL_CONTENT_DIR ?? 'content')
const set = await loadContent(contentDir).catch((e: unknown) => fail(e instanceof ContentError ? e.message : String(e)))
let plan: ReturnType<typeof planLeaflets>
try {
  plan = planLeaflets(set, { municipalities: args.municipality?.flatMap((m) => m.split(',')), langs: langs as LocaleCode[] | undefined, bilingual: !args['no-bilingual'] })
} catch (e) {
  fail((e as Error).message)
}
const { jobs, refused } = plan!
reportRefusals(refused)
if (jobs.length === 0) fail('Nothing to print.')

const outDir = path.resolve(args.out)
const scratch = await mkdtemp(path.join(tmpdir(), 'modersmal-leaflets-'))
let server: Server | undefined
try {
  const siteDir = args.site ? path.resolve(args.site) : path.join(scratch, 'site')
  if (!args.site) {
    process.stderr.write('Building the site from content/ … ')
    const built = await buildSite({ root, contentDir, outDir: siteDir })
    process.stderr.write(`${built.pages} pages in ${(built.ms / 1000).toFixed(1)} s\n`)
  }
  // A full run replaces the folder, so a language that lost its translation leaves no old PDF.
  if (!args.municipality && !args.lang) await rm(outDir, { recursive: true, force: true })
  server = await serveSite(siteDir, 0)
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await launchChromium()
  const started = performance.now()
  try {
    const rendered = await renderLeaflets({
      browser,
      origin,
      outDir,
      jobs,
      twoUp: args.a4,
      concurrency,
      onProgress: progress,
    })
    let bytes = 0
    for (const r of rendered) for (const f of r.files) bytes += (await stat(path.join(outDir, f))).size
    const files = rendered.reduce((n, r) => n + r.files.length, 0)
    console.log(`${files} leaflet PDFs in ${path.relative(root, outDir) || outDir}/ (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  } finally {
    await browser.close()
  }
} catch (e) {
  process.exitCode = 1
  console.error(`\n${(e as Error).message}`)
} finally {
  server?.close()
  await rm(scratch, { recursive: true, force: true })
}

function progress(done: number, total: number, job: { file: string }) {
  const width = 30
  const filled = Math.round((done / total) * width)
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(done).padStart(String(total).length)}/${total} ${job.file}`
  if (process.stderr.isTTY) process.stderr.write(`\r${bar.padEnd(process.stderr.columns ? process.stderr.columns - 1 : 80)}${done === total ? '\n' : ''}`)
  else process.stderr.write(`${bar}\n`)
}

/** One line per language (and per reason), with the municipalities it concerns. */
function reportRefusals(list: LeafletRefusal[]) {
  const grouped = new Map<string, { lang: LocaleCode; reason: string; municipalities: string[] }>()
  for (const r of list) {
    const key = `${r.lang}\0${r.reason}`
    const g = grouped.get(key) ?? { lang: r.lang, reason: r.reason, municipalities: [] }
    g.municipalities.push(r.municipality)
    grouped.set(key, g)
  }
  if (grouped.size) console.log(`Not printed (${list.length} leaflet${list.length === 1 ? '' : 's'}):`)
  for (const g of grouped.values()) {
    const l = getLocale(g.lang)
    console.log(`  - ${g.lang} (${l.name}), ${g.municipalities.length === set.municipalities.length ? 'every municipality' : g.municipalities.join(', ')}: ${g.reason}`)
  }
}
