/**
 * One publish: export the published content from the CMS into the content snapshot, then build the
 * site from it. Each step replaces its target only when it succeeded, so a failure leaves the live
 * site. The publisher runs it in a child process (scripts/publish-once.ts), which can be killed
 * mid-way without harm, and which stays, warm, for the next publish.
 *
 * The preview: the latest versions (drafts included) into the preview's own content folder and
 * site (cms/preview/), never touching content/ or the live site.
 */
import path from 'node:path'
import type { Payload } from 'payload'
import { buildSite, type SiteBuildResult } from '../../site/build/build-site.ts'
import { closeCms, openCms } from '../boot.ts'
import { contentDir, repoRoot } from '../paths.ts'
import { previewDirs } from '../preview/dirs.ts'
import { snapshotContent } from '../preview/snapshot.ts'
import { exportContent } from '../sync/export.ts'

/** Where a publish spent its time, in milliseconds: opening the CMS, the export, then the build's steps. */
export type PublishSteps = Record<'open' | 'export', number> & SiteBuildResult['steps']

/** With `payload`, that open CMS is used and left open (the publish worker keeps one). */
export async function publishOnce(opts: { preview: boolean; payload?: Payload }): Promise<{ ms: number; pages: number; steps: PublishSteps }> {
  const started = performance.now()
  const target = opts.preview ? previewDirs() : { content: contentDir, site: path.resolve(process.env.MODERSMAL_DIST_DIR ?? path.join(repoRoot, 'dist')) }

  if (opts.preview) {
    // What the CMS does not hold (short codes, film originals) comes from the snapshot.
    await snapshotContent(contentDir, target.content)
    process.env.MODERSMAL_PREVIEW = '1'
  }
  // The running CMS has migrated the database; a reader needs no schema lock beside it.
  const payload = opts.payload ?? (await openCms({ migrate: false }))
  const opened = performance.now()
  let exportedAt = 0
  try {
    const exported = await exportContent(payload, target.content, { drafts: opts.preview })
    for (const w of exported.warnings) console.error(`warning: ${w}`)
    // The preview's banner names the drafts it could not show (site/layouts/Base.astro).
    if (opts.preview) process.env.MODERSMAL_PREVIEW_NOTES = JSON.stringify(exported.warnings.filter((w) => w.includes('cannot be previewed')))
    exportedAt = performance.now()
  } finally {
    if (!opts.payload) await closeCms(payload)
  }
  const built = await buildSite({ root: repoRoot, contentDir: target.content, outDir: target.site })
  const steps = { open: Math.round(opened - started), export: Math.round(exportedAt - opened), ...built.steps }
  return { ms: Math.round(performance.now() - started), pages: built.pages, steps }
}
