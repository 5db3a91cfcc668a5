/**
 * The admin's list view of activities as an editor opens it: the production admin on the
 * benchmark's database, the page fetched whole with her login (Payload renders the list on the
 * server, so the HTML holds the rows). Beside the demo's figure, from the same run.
 */
import type { Payload } from 'payload'
import { ensureAdminBuilt, probePort, startAdmin } from '../cms/admin-server.ts'
import { percentile } from './stats.ts'

const password = 'bench-password-1'

export async function benchAdminList(payload: Payload, opts: { label: string; kind: string; url: string; dataDir: string }, report: (what: string, figure: string) => void): Promise<void> {
  const email = `editor-${opts.label}@bench.example`
  await payload.create({ collection: 'users', overrideAccess: true, data: { email, password, role: 'editor' } })
  ensureAdminBuilt()
  const admin = await startAdmin({ port: await probePort(0, '127.0.0.1'), env: { DATABASE_URL: opts.url, MODERSMAL_DATA_DIR: opts.dataDir, PAYLOAD_SECRET: 'bench' } })
  try {
    const login = await fetch(`${admin.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: admin.url }, body: JSON.stringify({ email, password }) })
    // With its Origin, as the admin's own pages send it: the login cookie is honoured only so (cms/admin-origins.ts).
    const cookie = /payload-token=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0]
    if (!cookie) throw new Error(`The editor could not sign in (${login.status})`)
    const times: number[] = []
    for (let i = 0; i < 15; i++) {
      const t = performance.now()
      const res = await fetch(`${admin.url}/admin/collections/activities?limit=10&page=${1 + (i % 5)}`, { headers: { cookie, origin: admin.url }, redirect: 'manual' })
      const html = await res.text()
      if (res.status !== 200 || !html.includes('collection-list')) throw new Error(`The activities list answered ${res.status} without the list`)
      // The first few compile the route and fill caches, as after a restart.
      if (i >= 3) times.push(performance.now() - t)
    }
    report(`${opts.label}: admin list view of activities on ${opts.kind}, whole page (p50 / p95)`, `${percentile(times, 0.5).toFixed(0)} / ${percentile(times, 0.95).toFixed(0)} ms`)
  } finally {
    await admin.stop()
  }
}
