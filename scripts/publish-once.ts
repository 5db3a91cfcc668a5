/**
 * One publish, in its own process (the publisher runs it; it can be killed mid-way without harm):
 * export the published content from the CMS into the content snapshot, then build the site from
 * it. Each step replaces its target only when it succeeded, so a failure leaves the live site.
 * Prints one line of JSON with the figures.
 */
import path from 'node:path'
import { closeCms, openCms } from '../cms/boot.ts'
import { contentDir, repoRoot } from '../cms/paths.ts'
import { exportContent } from '../cms/sync/export.ts'
import { buildSite } from '../site/build/build-site.ts'

const outDir = path.resolve(process.env.MODERSMAL_DIST_DIR ?? path.join(repoRoot, 'dist'))
// The running CMS has migrated the database; a reader needs no schema lock beside it.
const payload = await openCms({ migrate: false })
try {
  const exported = await exportContent(payload, contentDir)
  for (const w of exported.warnings) console.error(`warning: ${w}`)
} finally {
  await closeCms(payload)
}
const { ms, pages } = await buildSite({ root: repoRoot, contentDir, outDir })
console.log(JSON.stringify({ ms, pages }))
process.exit(0)
