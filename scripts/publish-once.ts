/**
 * One publish, in its own process (the publisher runs it; it can be killed mid-way without harm):
 * export the published content from the CMS into the content snapshot, then build the site from
 * it. Each step replaces its target only when it succeeded, so a failure leaves the live site.
 * Prints one line of JSON with the figures.
 *
 * With --preview: the latest versions (drafts included) into the preview's own content folder and
 * site (cms/preview/), never touching content/ or the live site.
 */
import path from 'node:path'
import { closeCms, openCms } from '../cms/boot.ts'
import { contentDir, repoRoot } from '../cms/paths.ts'
import { previewDirs } from '../cms/preview/dirs.ts'
import { snapshotContent } from '../cms/preview/snapshot.ts'
import { exportContent } from '../cms/sync/export.ts'
import { buildSite } from '../site/build/build-site.ts'
import { parseCommand } from './cli.ts'

const preview = parseCommand({ usage: 'Usage: tsx scripts/publish-once.ts [--preview] (the publisher runs it)', options: { preview: { type: 'boolean', default: false } } }).values.preview
const target = preview
  ? previewDirs()
  : { content: contentDir, site: path.resolve(process.env.MODERSMAL_DIST_DIR ?? path.join(repoRoot, 'dist')) }

if (preview) {
  // What the CMS does not hold (short codes, film originals) comes from the snapshot.
  await snapshotContent(contentDir, target.content)
  process.env.MODERSMAL_PREVIEW = '1'
}
// The running CMS has migrated the database; a reader needs no schema lock beside it.
const payload = await openCms({ migrate: false })
try {
  const exported = await exportContent(payload, target.content, { drafts: preview })
  for (const w of exported.warnings) console.error(`warning: ${w}`)
  // The preview's banner names the drafts it could not show (site/layouts/Base.astro).
  if (preview) process.env.MODERSMAL_PREVIEW_NOTES = JSON.stringify(exported.warnings.filter((w) => w.includes('cannot be previewed')))
} finally {
  await closeCms(payload)
}
const { ms, pages } = await buildSite({ root: repoRoot, contentDir: target.content, outDir: target.site })
console.log(JSON.stringify({ ms, pages }))
process.exit(0)
