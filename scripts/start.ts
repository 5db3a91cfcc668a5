/**
 * npm start: the whole thing on one machine.
 *  1. the embedded database (SQLite under data/) is migrated, and seeded from content/ if empty;
 *  2. the static site is built from content/ into dist/ and served on SITE_PORT (4321);
 *  3. the admin is built when its sources changed, and served on CMS_PORT (3000).
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { openCms } from '../cms/boot.ts'
import { cmsSecret } from '../cms/config.ts'
import { ensureDevAdmin } from '../cms/dev-admin.ts'
import { contentDir, dataDir, repoRoot } from '../cms/paths.ts'
import { seedContent } from '../cms/sync/seed.ts'
import { buildSite } from '../site/build/build-site.ts'
import { serveSite } from '../site/build/serve.ts'

const cmsPort = Number(process.env.CMS_PORT ?? 3000)
const sitePort = Number(process.env.SITE_PORT ?? 4321)
const host = process.env.HOST ?? '127.0.0.1'

// 1. Database
const payload = await openCms()
const { totalDocs } = await payload.count({ collection: 'activities', overrideAccess: true })
if (totalDocs === 0) {
  const { counts } = await seedContent(payload, contentDir)
  console.log(`Seeded the database from content/: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}`)
}
const admin = await ensureDevAdmin(payload, dataDir)
await payload.destroy()

// 2. Site
const { ms } = await buildSite({ root: repoRoot, contentDir, outDir: path.join(repoRoot, 'dist') })
console.log(`Built the site in ${(ms / 1000).toFixed(1)} s`)
await serveSite(path.join(repoRoot, 'dist'), sitePort, host)

// 3. Admin (Next). Rebuilt only when its inputs changed: a build takes about a minute.
const env: NodeJS.ProcessEnv = { ...process.env, PAYLOAD_SECRET: cmsSecret(), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }
const nextDir = path.join(repoRoot, 'cms', '.next')
const stamp = path.join(nextDir, 'modersmal-source-hash')
const hash = sourceHash()
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
  console.log('Building the admin (about a minute the first time) …')
  const r = spawnSync('next', ['build', 'cms'], { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) {
    console.error('The admin build failed; see the errors above.')
    process.exit(1)
  }
  writeFileSync(stamp, hash)
}
const next = spawn('next', ['start', 'cms', '-p', String(cmsPort), '-H', host], { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'inherit'] })
next.on('exit', (code) => process.exit(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal))

await waitForHttp(`http://${host}:${cmsPort}/admin/login`)
console.log(`
Modersmål is running.
  Public site:  http://localhost:${sitePort}/
  Admin:        http://localhost:${cmsPort}/admin`)
if (admin) {
  console.log(`  Log in as:    ${admin.email} / ${admin.password}
                (set ADMIN_EMAIL and ADMIN_PASSWORD to choose; the password is kept in data/dev-admin-password)`)
}
console.log('Press Ctrl+C to stop.')

function sourceHash(): string {
  const h = createHash('sha256')
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.next' || name === 'node_modules') continue
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else h.update(full).update(readFileSync(full))
    }
  }
  walk(path.join(repoRoot, 'cms'))
  walk(path.join(repoRoot, 'locales'))
  walk(path.join(repoRoot, 'content', 'schema'))
  h.update(readFileSync(path.join(repoRoot, 'package-lock.json')))
  return h.digest('hex')
}

async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      const res = await fetch(url)
      if (res.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}
