/**
 * Referrals (part of `npm run bench`), on the admin's production server as `npm start` runs it,
 * on SQLite and on PostgreSQL:
 * - a mother's "call me" (POST /api/referrals/ask) from 50 senders at once, each from its own
 *   address: p50 / p95 beside one sender alone (the baseline of the same run);
 * - the inbox a coordinator opens (the admin's list query: 10 newest of her municipality), with
 *   10,000 referrals stored, beside the same list with 100.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { ensureAdminBuilt, probePort, startAdmin } from '../cms/admin-server.ts'
import { closeCms, openCms } from '../cms/boot.ts'
import type { DatabaseKind } from '../cms/database.ts'
import { startLocalPostgres } from '../cms/local-postgres.ts'
import { seedContent } from '../cms/sync/seed.ts'
import { askPath } from '../content/ask.ts'
import { percentile } from './stats.ts'

type Report = (what: string, figure: string) => void

const site = 'http://site.bench'
const password = 'bench-password-1'
const ms = (xs: number[]) => `${percentile(xs, 0.5).toFixed(1)} / ${percentile(xs, 0.95).toFixed(1)} ms`

async function timedFetch(url: string, init: RequestInit, expect: number): Promise<number> {
  const t = performance.now()
  const res = await fetch(url, { ...init, redirect: 'manual' })
  await res.arrayBuffer()
  if (res.status !== expect) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}, not ${expect}`)
  return performance.now() - t
}

/** Referrals straight through the Local API (sealed like any other), `n` more, a few at a time. */
async function fill(payload: Payload, municipalities: Array<number | string>, from: number, n: number): Promise<void> {
  let next = from
  const worker = async () => {
    while (next < from + n) {
      const i = next++
      await payload.create({
        collection: 'referrals',
        overrideAccess: true,
        depth: 0,
        data: {
          firstName: `Mor ${i}`,
          phone: `+45 ${String(20000000 + i)}`,
          language: 'ar',
          municipality: Number(municipalities[i % municipalities.length]),
          consent: true,
          source: 'staff',
          status: 'new',
        },
      })
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
}

async function benchOne(kind: DatabaseKind, scratch: string, report: Report, databaseUrl: string): Promise<void> {
  const dataDir = path.join(scratch, `referrals-${kind}`)
  await mkdir(dataDir, { recursive: true })
  let payload = await openCms({ database: { url: databaseUrl }, dataDir, secret: 'bench', key: `referrals-${kind}` })
  await seedContent(payload, path.join(process.cwd(), 'content'))
  const { docs: places } = await payload.find({ collection: 'municipalities', overrideAccess: true, depth: 0, limit: 0, pagination: false })
  const aarhus = places.find((m) => m.slug === 'aarhus')!
  await payload.create({ collection: 'users', overrideAccess: true, data: { email: 'aarhus@bench.example', password, role: 'coordinator', municipality: Number(aarhus.id) } })
  await fill(
    payload,
    places.map((m) => m.id),
    0,
    100,
  )
  await closeCms(payload)

  const env = {
    DATABASE_URL: databaseUrl,
    MODERSMAL_DATA_DIR: dataDir,
    PAYLOAD_SECRET: 'bench',
    MODERSMAL_SITE_ORIGINS: site,
    MODERSMAL_TRUST_PROXY: '1',
    // The limits are what is measured around, not what is measured: high enough never to answer "busy".
    MODERSMAL_ASK_LIMITS: 'perAddress10Min=1000,perAddressDay=10000,perPhoneDay=10000,allHour=1000000',
  }
  const admin = await startAdmin({ port: await probePort(0, '127.0.0.1'), env })
  try {
    let phone = 30000000
    let peer = 0
    const ask = () =>
      timedFetch(
        `${admin.url}${askPath}?lang=ar`,
        {
          method: 'POST',
          headers: { origin: site, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.${(++peer >> 16) & 255}.${(peer >> 8) & 255}.${peer & 255}` },
          body: new URLSearchParams({ phone: `+45 ${phone++}`, language: 'ar', municipality: 'aarhus', consent: 'yes' }).toString(),
        },
        303,
      )
    for (let i = 0; i < 10; i++) await ask() // warm the routes
    const alone: number[] = []
    for (let i = 0; i < 100; i++) alone.push(await ask())
    const together: number[] = []
    const t = performance.now()
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let i = 0; i < 10; i++) together.push(await ask())
      }),
    )
    const wall = performance.now() - t
    report(`referrals on ${kind}: a mother's "call me", one sender (p50 / p95)`, ms(alone))
    report(`referrals on ${kind}: the same, 50 senders at once (p50 / p95)`, `${ms(together)}  (${((together.length / wall) * 1000).toFixed(0)} stored/s)`)
    report(`ratio: 50 senders / one sender, p95 (${kind})`, `${(percentile(together, 0.95) / percentile(alone, 0.95)).toFixed(2)}×`)

    const login = await fetch(`${admin.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: admin.url },
      body: JSON.stringify({ email: 'aarhus@bench.example', password }),
    })
    const cookie = /payload-token=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0]
    if (!cookie) throw new Error(`The coordinator could not sign in (${login.status})`)
    const inbox = async (base: string) => {
      const query = new URLSearchParams({ depth: '0', limit: '10', sort: '-createdAt', 'where[status][equals]': 'new' })
      const times: number[] = []
      for (let i = 0; i < 40; i++) times.push(await timedFetch(`${base}/api/referrals?${query}`, { headers: { cookie, origin: base } }, 200))
      return times.slice(5)
    }
    const small = await inbox(admin.url)
    await admin.stop()
    payload = await openCms({ database: { url: databaseUrl }, dataDir, secret: 'bench', key: `referrals-${kind}-fill` })
    const have = (await payload.count({ collection: 'referrals', overrideAccess: true })).totalDocs
    const t2 = performance.now()
    await fill(
      payload,
      places.map((m) => m.id),
      have,
      10_000 - have,
    )
    report(`referrals on ${kind}: storing ${10_000 - have} referrals through the Local API (sealed)`, `${((performance.now() - t2) / 1000).toFixed(1)} s`)
    await closeCms(payload)
    const again = await startAdmin({ port: await probePort(0, '127.0.0.1'), env })
    try {
      const big = await inbox(again.url)
      report(`referrals on ${kind}: the inbox's list (10 newest), 100 / 10,000 stored (p50 / p95)`, `${ms(small)}  /  ${ms(big)}`)
      report(`ratio: inbox list at 10,000 / at 100, p95 (${kind})`, `${(percentile(big, 0.95) / percentile(small, 0.95)).toFixed(2)}×`)
    } finally {
      await again.stop()
    }
  } finally {
    await admin.stop().catch(() => {})
  }
}

export async function benchReferrals(scratch: string, report: Report): Promise<void> {
  ensureAdminBuilt()
  await benchOne('sqlite', scratch, report, `file:${path.join(scratch, 'referrals-sqlite', 'cms.db')}`)
  const pg = startLocalPostgres(54342)
  try {
    await benchOne('postgres', scratch, report, pg.createDatabase('bench_referrals'))
  } finally {
    pg.stop()
  }
}
