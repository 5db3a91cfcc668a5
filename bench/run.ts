/**
 * npm run bench: performance figures, printed with units. Never a pass/fail test.
 *   npm run bench -- [--activities 5000] [--only <part>]
 *
 * - seed and export of the demo content and of a generated set (N activities × da/en/ar),
 *   on SQLite and on PostgreSQL;
 * - localized list query latency (50 activities in Arabic; a theme filter; the admin's list queries)
 *   and the admin's list view of activities as a page (bench/admin-list.ts);
 * - the site: first-paint bytes of the landing pages, build time and memory, the bare-Astro floor
 *   (bench/site.ts);
 * - the catalogue: index time and size, bytes for a first search and a filter browse, time to
 *   first results under mobile throttling, demo and generated (bench/catalogue.ts).
 * - leaflets: all leaflet PDFs (one and two at a time), their sizes, peak memory
 *   (bench/leaflets.ts).
 * - XLIFF: export and import of a full locale, demo and generated (bench/xliff.ts).
 * - publish → live latency and the translation report's time, demo and ~10,000 pages
 *   (bench/publish.ts).
 * - films: bytes per minute of each rendition, encoding time, visit-kit size, time to first frame
 *   under throttling (bench/films.ts).
 * - referrals: a mother's "call me" from 50 senders at once beside one alone, and the inbox's list
 *   at 10,000 referrals beside 100, on both databases (bench/referrals.ts).
 *   --only sqlite | postgres | site | catalogue | leaflets | xliff | publish | films | referrals
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { closeCms, openCms } from '../cms/boot.ts'
import { startLocalPostgres } from '../cms/local-postgres.ts'
import type { DatabaseKind } from '../cms/database.ts'
import { exportContent } from '../cms/sync/export.ts'
import { seedContent } from '../cms/sync/seed.ts'
import { generateContent } from '../content/generate.ts'
import { benchAdminList } from './admin-list.ts'
import { benchCatalogue } from './catalogue.ts'
import { benchLeaflets } from './leaflets.ts'
import { benchXliff } from './xliff.ts'
import { benchPublish } from './publish.ts'
import { benchFilms } from './films.ts'
import { benchReferrals } from './referrals.ts'
import { benchSite } from './site.ts'
import { percentile } from './stats.ts'
import { integer, oneOf, parseCommand } from '../system/cli.ts'
import { ensureSystemPackages } from '../system/packages.ts'

const parts = ['sqlite', 'postgres', 'site', 'catalogue', 'leaflets', 'xliff', 'publish', 'films', 'referrals'] as const
const { values, fail } = parseCommand({
  usage: `Usage: npm run bench [-- --activities <n>] [--only ${parts.join('|')}]`,
  options: { activities: { type: 'string', default: '5000' }, only: { type: 'string' } },
})
const generated = integer(fail, 'activities', values.activities)
const only = values.only === undefined ? undefined : oneOf(fail, 'only', values.only, parts)
const repo = process.cwd()
const demo = path.join(repo, 'content')

const report = (what: string, figure: string) => console.log(`${what.padEnd(66)} ${figure}`)
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now()
  const v = await fn()
  return [v, performance.now() - t]
}

const scratch = await mkdtemp(path.join(tmpdir(), 'modersmal-bench-'))
const databases = only === undefined || only === 'sqlite' || only === 'postgres'
if (databases) ensureSystemPackages(['postgres'])
const pg = only === undefined || only === 'postgres' ? startLocalPostgres(54340) : undefined
let instance = 0

async function open(kind: DatabaseKind, label: string): Promise<{ payload: Payload; url: string; dataDir: string }> {
  const dataDir = path.join(scratch, `${label}-${kind}`)
  const url = kind === 'postgres' ? pg!.createDatabase(`bench_${label}`) : `file:${path.join(dataDir, 'cms.db')}`
  return { payload: await openCms({ database: { url }, dataDir, secret: 'bench', key: `bench-${instance++}` }), url, dataDir }
}

async function seedAndExport(kind: DatabaseKind, label: string, source: string): Promise<{ seedMs: number; writes: number; docs: number }> {
  const { payload, url, dataDir } = await open(kind, label)
  try {
    const [{ writes, counts }, seedMs] = await timed(() => seedContent(payload, source))
    const docs = Object.values(counts).reduce((a, b) => a + b, 0)
    report(`${label}: seed on ${kind} (${docs} documents, ${writes} writes)`, `${seconds(seedMs)}  (${(seedMs / writes).toFixed(1)} ms/write)`)
    const out = path.join(scratch, `${label}-${kind}-export`)
    const [, exportMs] = await timed(() => exportContent(payload, out))
    report(`${label}: export on ${kind}`, `${seconds(exportMs)}  (${((exportMs / docs) * 1000).toFixed(0)} µs/document)`)
    if (label === 'generated') await queryLatency(kind, payload)
    await benchAdminList(payload, { label, kind, url, dataDir }, report)
    return { seedMs, writes, docs }
  } finally {
    await closeCms(payload)
  }
}

async function queryLatency(kind: DatabaseKind, payload: Payload) {
  const runs = 40
  const queries = {
    // What the export and the site read: one language, published only, as the public API.
    public: (i: number) => payload.find({ collection: 'activities', locale: 'ar', fallbackLocale: false, limit: 50, page: 1 + (i % 20), depth: 0, overrideAccess: false }),
    filtered: () =>
      payload.find({ collection: 'activities', locale: 'da', limit: 50, depth: 0, where: { themes: { in: ['motor-skills'] }, durationMinutes: { less_than_equal: 45 } }, overrideAccess: false }),
    // What the admin's list view asks (Payload's list view: latest versions, ten a page, newest first).
    admin: (i: number) => payload.find({ collection: 'activities', locale: 'da', draft: true, includeLockStatus: true, limit: 10, page: 1 + (i % 20), depth: 0, overrideAccess: true }),
    // The same, sorted by the last change, as editors click.
    adminByChange: (i: number) =>
      payload.find({ collection: 'activities', locale: 'da', draft: true, includeLockStatus: true, limit: 10, page: 1 + (i % 20), depth: 0, sort: '-updatedAt', overrideAccess: true }),
  }
  const times: Record<keyof typeof queries, number[]> = { public: [], filtered: [], admin: [], adminByChange: [] }
  // A server answers warm: the first few queries prepare statements and fill caches.
  for (const q of Object.values(queries)) for (let i = 0; i < 3; i++) await q(i)
  for (let i = 0; i < runs; i++) {
    for (const [name, q] of Object.entries(queries) as Array<[keyof typeof queries, (i: number) => Promise<unknown>]>) times[name].push((await timed(() => q(i)))[1])
  }
  const figure = (list: number[]) => `${percentile(list, 0.5).toFixed(1)} / ${percentile(list, 0.95).toFixed(1)} ms`
  report(`query on ${kind}: 50 activities in Arabic, published only (p50 / p95)`, figure(times.public))
  report(`query on ${kind}: theme + duration filter, 50 results (p50 / p95)`, figure(times.filtered))
  report(`query on ${kind}: admin list, 10 latest versions (p50 / p95)`, figure(times.admin))
  report(`query on ${kind}: admin list by last change (p50 / p95)`, figure(times.adminByChange))
}

try {
  if (databases) {
    const big = path.join(scratch, 'generated-content')
    await generateContent(demo, big, generated)
    const kinds: DatabaseKind[] = only === 'sqlite' || only === 'postgres' ? [only] : ['sqlite', 'postgres']
    const results: Record<string, { seedMs: number; writes: number }> = {}
    for (const kind of kinds) {
      await seedAndExport(kind, 'demo', demo)
      results[kind] = await seedAndExport(kind, 'generated', big)
    }
    if (results.sqlite && results.postgres) {
      report('ratio: PostgreSQL / SQLite seed time (generated set)', `${(results.postgres.seedMs / results.sqlite.seedMs).toFixed(2)}×`)
    }
  }
  if (only === undefined || only === 'site') await benchSite(scratch, report)
  if (only === undefined || only === 'catalogue') await benchCatalogue(scratch, report, generated)
  if (only === undefined || only === 'leaflets') {
    ensureSystemPackages(['chromium'])
    await benchLeaflets(scratch, report)
  }
  // At most 500 generated activities: XLIFF import writes each document (about 60 ms each).
  if (only === undefined || only === 'xliff') await benchXliff(scratch, report, Math.min(generated, 500))
  // 1,200 activities (pages in da/en/ar, site/lib/activity-pages.ts) with the browse pages in 21
  // languages: about 10,000 pages.
  if (only === undefined || only === 'publish') await benchPublish(scratch, report, 1200)
  if (only === undefined || only === 'films') await benchFilms(scratch, report)
  if (only === undefined || only === 'referrals') {
    ensureSystemPackages(['postgres'])
    await benchReferrals(scratch, report)
  }
} finally {
  pg?.stop()
  await rm(scratch, { recursive: true, force: true })
}
// The PostgreSQL adapter keeps a client whose reconnect timer would hold the process open.
process.exit()
