/**
 * One publish: export the published content from the CMS into the content snapshot, then build the
 * site from it. Each step replaces its target only when it succeeded, so a failure leaves the live
 * site. The publisher runs it in a child process (scripts/publish-once.ts), which can be killed
 * mid-way without harm, and which stays, warm, for the next publish.
 *
 * The preview: the latest versions (drafts included) into the preview's own content folder and
 * site (cms/preview/), never touching content/ or the live site.
 *
 * A live publish holds the database's publish lock (publishLock.ts), so two admin servers never
 * publish at once. One that waited for another's publish ends at once when that one started after
 * it was asked for: its export read every save this one was for.
 */
import path from 'node:path'
import type { Payload } from 'payload'
import { buildSite, type SiteBuildResult } from '../../site/build/build-site.ts'
import { closeCms, openCms } from '../boot.ts'
import { databaseUrl } from '../database.ts'
import { contentDir, repoRoot } from '../paths.ts'
import { previewDirs } from '../preview/dirs.ts'
import { snapshotContent } from '../preview/snapshot.ts'
import { exportContent } from '../sync/export.ts'
import { defaultPublishTimeoutMs } from './publisher.ts'
import { withPublishLock } from './publishLock.ts'
import { readRecord, writeRecord } from './record.ts'

/** Where a publish spent its time, in milliseconds: opening the CMS, the export, then the build's steps. */
export type PublishSteps = Record<'open' | 'export', number> & SiteBuildResult['steps']

export interface PublishResult {
  ms: number
  pages: number
  steps: PublishSteps
  /** Another admin server's publish, started after this one was asked for, already showed it all. */
  skipped?: boolean
}

/** With `payload`, that open CMS is used and left open (the publish worker keeps one). */
export async function publishOnce(opts: { preview: boolean; payload?: Payload }): Promise<PublishResult> {
  const asked = new Date().toISOString()
  const started = performance.now()
  // The running CMS has migrated the database; a reader needs no schema lock beside it.
  const payload = opts.payload ?? (await openCms({ migrate: false }))
  try {
    if (opts.preview) return await build(payload, true, started)
    let waited = false
    return await withPublishLock(
      databaseUrl(),
      async () => {
        const startedAt = new Date().toISOString()
        const last = waited ? (await readRecord(payload)).lastSuccess : undefined
        if (last && last.startedAt >= asked) return { ms: Math.round(performance.now() - started), pages: last.pages, steps: emptySteps(), skipped: true }
        try {
          const result = await build(payload, false, started)
          const at = new Date().toISOString()
          await writeRecord(payload, { lastSuccess: { at, startedAt, seconds: Math.round(result.ms / 100) / 10, pages: result.pages, steps: result.steps } }).catch(recordFailed)
          return result
        } catch (e) {
          await writeRecord(payload, { lastError: { at: new Date().toISOString(), startedAt, message: (e as Error).message } }).catch(recordFailed)
          throw e
        }
      },
      // As long as a publish may take: the publisher's own limit ends a hung one.
      { timeoutMs: defaultPublishTimeoutMs, onWait: () => (waited = true) },
    )
  } finally {
    if (!opts.payload) await closeCms(payload)
  }
}

// The record is what other admin servers show; failing to write it must not undo a publish.
const recordFailed = (e: unknown) => console.error(`warning: the publish record could not be written: ${(e as Error).message}`)

const emptySteps = (): PublishSteps => ({ open: 0, export: 0 }) as PublishSteps

async function build(payload: Payload, preview: boolean, started: number): Promise<PublishResult> {
  const target = preview ? previewDirs() : { content: contentDir, site: path.resolve(process.env.MODERSMAL_DIST_DIR ?? path.join(repoRoot, 'dist')) }
  if (preview) {
    // What the CMS does not hold (short codes, film originals) comes from the snapshot.
    await snapshotContent(contentDir, target.content)
    process.env.MODERSMAL_PREVIEW = '1'
  }
  const opened = performance.now()
  const exported = await exportContent(payload, target.content, { drafts: preview })
  for (const w of exported.warnings) console.error(`warning: ${w}`)
  // The preview's banner names the drafts it could not show (site/layouts/Base.astro).
  if (preview) process.env.MODERSMAL_PREVIEW_NOTES = JSON.stringify(exported.warnings.filter((w) => w.includes('cannot be previewed')))
  const exportedAt = performance.now()
  const built = await buildSite({ root: repoRoot, contentDir: target.content, outDir: target.site })
  const steps = { open: Math.round(opened - started), export: Math.round(exportedAt - opened), ...built.steps }
  return { ms: Math.round(performance.now() - started), pages: built.pages, steps }
}
