/**
 * Publish-to-live latency (part of `npm run bench`): a published save in the CMS until the public
 * page serves the new text, through the real publisher (debounce, export, incremental build, swap),
 * beside the full build from scratch of the same site in the same run,
 * on the demo content and on a generated set of about 10,000 pages. Also the translation report's
 * time on both, and how long the draft preview takes to build after a draft save, on both.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { CollectionSlug } from 'payload'
import { closeCms, openCms } from '../cms/boot.ts'
import { defaultDebounceMs as debounceMs, startPublisher } from '../cms/publish/publisher.ts'
import { startPreviewer } from '../cms/preview/previewer.ts'
import { seedContent } from '../cms/sync/seed.ts'
import { coverageReport } from '../content/coverage-report.ts'
import { generateContent } from '../content/generate.ts'
import { loadContent } from '../content/load.ts'
import { buildSite } from '../site/build/build-site.ts'
import { percentile } from './stats.ts'

type Report = (what: string, figure: string) => void

/** A publish → live figure is the median of this many, one save each. */
const publishes = 3

export async function benchPublish(scratch: string, report: Report, generatedActivities: number): Promise<void> {
  const repo = process.cwd()
  for (const [label, activities] of [
    ['demo content', 0],
    [`generated (${generatedActivities} activities)`, generatedActivities],
  ] as const) {
    const dir = path.join(scratch, `publish-${activities}`)
    const contentDir = path.join(dir, 'content')
    const distDir = path.join(dir, 'dist')
    await mkdir(dir, { recursive: true })
    await generateContent(path.join(repo, 'content'), contentDir, activities)

    let t = performance.now()
    const set = await loadContent(contentDir)
    coverageReport(set)
    report(`${label}: translation report (load and count)`, `${((performance.now() - t) / 1000).toFixed(2)} s`)

    const url = `file:${path.join(dir, 'cms.db')}`
    const payload = await openCms({ database: { url }, dataDir: dir, secret: 'bench', key: `publish-${activities}` })
    await seedContent(payload, contentDir)
    // From scratch (an empty cache): the baseline, and the cache the publishes start from.
    t = performance.now()
    const { pages } = await buildSite({ root: repo, contentDir, outDir: distDir })
    const full = performance.now() - t
    report(`${label}: full build from scratch (${pages} pages)`, `${(full / 1000).toFixed(1)} s`)
    // The build alone, in this process: one activity's Danish title changed, then nothing.
    const yaml = path.join(contentDir, 'activities', 'babymassage.yaml')
    const original = await readFile(yaml, 'utf8')
    await writeFile(yaml, original.replace(/^(title:\n {2}da: )(.*)$/m, '$1$2 (ændret)'))
    for (const what of ['one activity changed', 'nothing changed'] as const) {
      const r = await buildSite({ root: repo, contentDir, outDir: distDir })
      const steps = Object.entries(r.steps)
        .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}`)
        .join(', ')
      report(`${label}: incremental build, ${what} (${r.rendered} of ${pages} rendered; × the full build)`, `${(r.ms / 1000).toFixed(1)} s (${(r.ms / full).toFixed(2)}×; ${steps})`)
    }
    await writeFile(yaml, original)
    const env = { DATABASE_URL: url, MODERSMAL_DATA_DIR: dir, MODERSMAL_CONTENT_DIR: contentDir, MODERSMAL_DIST_DIR: distDir, PAYLOAD_SECRET: 'bench' }
    const publisher = await startPublisher({ env, statusFile: path.join(dir, 'publish-status.json'), debounceMs })
    process.env.MODERSMAL_PUBLISH_URL = publisher.url
    try {
      const { docs } = await payload.find({ collection: 'activities' as CollectionSlug, where: { slug: { equals: 'babymassage' } }, overrideAccess: true })
      const page = path.join(distDir, 'da', 'activities', 'babymassage', 'index.html')
      let title = ''
      const saves: number[] = []
      const lives: number[] = []
      for (let i = 0; i < publishes; i++) {
        title = `Babymassage ${Date.now()}`
        t = performance.now()
        await payload.update({ collection: 'activities', id: docs[0]!.id, locale: 'da', overrideAccess: true, data: { title, _status: 'published' } })
        saves.push(performance.now() - t)
        while (!(existsSync(page) && readFileSync(page, 'utf8').includes(title))) await new Promise((r) => setTimeout(r, 100))
        lives.push(performance.now() - t)
        await publisher.idle()
      }
      const live = percentile(lives, 0.5)
      report(
        `${label}: publish → live (${pages} pages, p50 of ${publishes}): the save / until the page is served (× the full build)`,
        `${(percentile(saves, 0.5) / 1000).toFixed(2)} s / ${(live / 1000).toFixed(1)} s (${(live / full).toFixed(2)}×)`,
      )
      const steps = publisher.status.lastSuccess?.steps ?? {}
      report(
        `${label}: publish → live, where the last one went (s)`,
        [`debounce ${(debounceMs / 1000).toFixed(1)}`, ...Object.entries(steps).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}`)].join(', '),
      )
      {
        // The preview's build (export of the latest versions + whole-site build), as a signed-in
        // look after a draft save starts it; the admin's login check is not part of it.
        delete process.env.MODERSMAL_PUBLISH_URL // a draft save would also wake the publisher
        const preview = await startPreviewer({ port: 4399, adminUrl: 'http://127.0.0.1:1', env, dir: path.join(dir, 'preview') })
        try {
          // The preview's first build fills its own cache; the next draft saves build incrementally.
          for (const which of ['first', 'next'] as const) {
            await payload.update({ collection: 'activities', id: docs[0]!.id, locale: 'da', draft: true, overrideAccess: true, data: { title: `${title} (kladde ${which})`, _status: 'draft' } })
            t = performance.now()
            preview.builder.request()
            await preview.builder.idle()
            const ms = performance.now() - t
            const steps = Object.entries(preview.builder.status?.lastSuccess?.steps ?? {})
              .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
              .join(', ')
            report(`${label}: draft preview build, ${which} (${pages} pages; × the full build)`, `${(ms / 1000).toFixed(1)} s (${(ms / full).toFixed(2)}×; ${steps})`)
          }
        } finally {
          await preview.stop()
        }
      }
    } finally {
      delete process.env.MODERSMAL_PUBLISH_URL
      await publisher.stop()
      await closeCms(payload)
    }
  }
}
