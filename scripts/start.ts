/**
 * npm start: the whole thing on one machine.
 *  1. the embedded database (SQLite under data/) is migrated, and seeded from content/ if empty;
 *  2. the static site is built from content/ into dist/ and served on SITE_PORT (4321);
 *  3. the admin is built when its sources changed, and served on CMS_PORT (3000); if it dies it
 *     is started again (cms/supervise.ts), and its output is kept in data/logs/admin.log;
 *  4. the publisher: every publish in the admin exports content/ and rebuilds the site, which is
 *     swapped in when the build succeeded (cms/publish/);
 *  5. the draft preview on PREVIEW_PORT (4322), for people signed in to the admin (cms/preview/).
 */
import path from 'node:path'
import { adminOrigins } from '../cms/admin-origins.ts'
import { ensureAdminBuilt, runAdmin } from '../cms/admin-server.ts'
import { closeCms, openCms } from '../cms/boot.ts'
import { cmsSecret } from '../cms/config.ts'
import { ensureDevAdmin } from '../cms/dev-admin.ts'
import { contentDir, dataDir, repoRoot } from '../cms/paths.ts'
import { seedContent } from '../cms/sync/seed.ts'
import { startPublisher } from '../cms/publish/publisher.ts'
import { startPreviewer } from '../cms/preview/previewer.ts'
import { statusFile } from '../cms/publish/status.ts'
import { buildSite } from '../site/build/build-site.ts'
import { serveSite } from '../site/server/serve.ts'
import { parseCommand } from '../system/cli.ts'

parseCommand({ usage: 'Usage: npm start (ports: CMS_PORT, SITE_PORT, PREVIEW_PORT; HOST)' })

const cmsPort = Number(process.env.CMS_PORT ?? 3000)
const sitePort = Number(process.env.SITE_PORT ?? 4321)
const previewPort = Number(process.env.PREVIEW_PORT ?? 4322)
const host = process.env.HOST ?? '127.0.0.1'

// 1. Database
// All or nothing: a seed killed mid-way leaves the database empty, to be seeded again.
const payload = await openCms({ database: { transactions: true } })
const { totalDocs } = await payload.count({ collection: 'activities', overrideAccess: true })
if (totalDocs === 0) {
  const { counts } = await seedContent(payload, contentDir)
  console.log(
    `Seeded the database from content/: ${Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}`,
  )
}
const admin = await ensureDevAdmin(payload, dataDir)
await closeCms(payload)

// 2. Site, with the mothers' "call me" form posting to this admin (site/lib/ask.ts), which takes
// posts from this site's pages only (cms/admin-origins.ts).
if (!process.env.SITE_CMS_URL && !process.env.CMS_PUBLIC_URL) process.env.SITE_CMS_URL = `http://localhost:${cmsPort}`
if (!process.env.SITE_URL && !process.env.MODERSMAL_SITE_ORIGINS) process.env.MODERSMAL_SITE_ORIGINS = adminOrigins(host, sitePort, '').join(',')
const { ms } = await buildSite({ root: repoRoot, contentDir, outDir: path.join(repoRoot, 'dist') })
console.log(`Built the site in ${(ms / 1000).toFixed(1)} s`)
await serveSite(path.join(repoRoot, 'dist'), sitePort, host)

// 3. Publisher and preview, then the admin that pings them
const publisher = await startPublisher({ env: {}, statusFile: statusFile(), log: console.log })
const preview = await startPreviewer({ port: previewPort, host, adminUrl: `http://${host}:${cmsPort}`, env: {}, log: (m) => console.log(`Preview: ${m}`) })
ensureAdminBuilt()
const server = await runAdmin({
  port: cmsPort,
  host,
  logDir: path.join(dataDir, 'logs'),
  say: console.log,
  env: {
    PAYLOAD_SECRET: cmsSecret(),
    MODERSMAL_PUBLISH_URL: publisher.url,
    MODERSMAL_PUBLISH_STATUS: statusFile(),
    MODERSMAL_PREVIEW_URL: `http://localhost:${previewPort}`,
    MODERSMAL_PREVIEW_PING: preview.pingUrl,
  },
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void Promise.all([server.stop(), publisher.stop(), preview.stop()]).then(() => process.exit(0)))

console.log(`
Modersmål is running.
  Public site:  http://localhost:${sitePort}/
  Admin:        http://localhost:${cmsPort}/admin
  Preview:      http://localhost:${previewPort}/ (drafts; for people signed in to the admin)
  Admin log:    ${path.relative(repoRoot, path.join(dataDir, 'logs', 'admin.log'))}
  Publishing in the admin updates content/ and the public site within seconds.`)
// The password only on the start that made the account: a console log is no place to keep it.
if (admin?.created) {
  console.log(`  Log in as:    ${admin.email} / ${admin.password}
                (set ADMIN_EMAIL and ADMIN_PASSWORD to choose; the password is kept in data/dev-admin-password)`)
} else if (admin) {
  console.log(`  Log in as:    ${admin.email} (the password is in data/dev-admin-password, unless ADMIN_PASSWORD set it)`)
}
console.log('Press Ctrl+C to stop.')
