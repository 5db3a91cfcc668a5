/**
 * The real admin for a test that asks it over HTTP: the production build (`next start`) behind
 * its gate, as `npm start` runs it, on a database prepared through the Local API beforehand
 * (SQLite in a file, or a fresh database on the run's PostgreSQL server). Requests go as a browser
 * on the admin's own page sends them: the login cookie, and the page's Origin.
 */
import { createWriteStream, readFileSync, rmSync } from 'node:fs'
import type { Payload } from 'payload'
import { probePort, startAdmin, type AdminServer } from '../../cms/admin-server.ts'
import { closeCms } from '../../cms/boot.ts'
import type { DatabaseKind } from '../../cms/database.ts'
import { startTestCms, testSecret } from './cms.ts'

export interface Answer {
  status: number
  /** The body as text (a JSON error, a document, a file). */
  text: string
  json<T = Record<string, unknown>>(): T
  headers: Headers
  /** What the admin would show: each field error as "path: message", or the request's message. */
  said: string
}

export interface Client {
  /** `language`: the browser's Accept-Language (the admin answers in Danish or English by it). */
  request(method: string, pathname: string, body?: { json?: unknown; raw?: BodyInit; contentType?: string; form?: FormData; language?: string }): Promise<Answer>
}

export interface HttpAdmin {
  url: string
  kind: DatabaseKind
  /** Its database and data folder, for a test that reads them beside the running admin (an export). */
  databaseUrl: string
  dataDir: string
  /** What the admin wrote to its console so far (its errors), for a failing test's message. */
  log(): string
  /** Someone not signed in. */
  anonymous: Client
  signIn(email: string, password: string): Promise<Client>
  /** Another auth collection's account (a health visitor), through its own login route. */
  signInAs(collection: 'users' | 'health-visitors', email: string, password: string): Promise<Client>
  stop(): Promise<void>
}

/** What an admin page shows of an error answer: the field errors, or the message. */
export function errorsSaid(text: string): string {
  try {
    const body = JSON.parse(text) as { errors?: Array<{ message: string; data?: { errors?: Array<{ path: string; message: string }> } }> }
    return (body.errors ?? []).flatMap((e) => e.data?.errors?.map((x) => `${x.path}: ${x.message}`) ?? [e.message]).join('\n')
  } catch {
    return text.slice(0, 400)
  }
}

function client(base: string, cookie?: string): Client {
  return {
    async request(method, pathname, body = {}) {
      const headers: Record<string, string> = { origin: new URL(base).origin }
      if (cookie) headers.cookie = cookie
      if (body.language) headers['accept-language'] = body.language
      let payload: BodyInit | undefined = body.raw
      if (body.json !== undefined) payload = JSON.stringify(body.json)
      if (body.form) payload = body.form
      if (body.contentType ?? (body.json !== undefined ? 'application/json' : undefined)) headers['content-type'] = body.contentType ?? 'application/json'
      const res = await fetch(`${base}${pathname}`, { method, headers, body: payload, redirect: 'manual' })
      const text = await res.text()
      return { status: res.status, text, json: <T>() => JSON.parse(text) as T, headers: res.headers, said: errorsSaid(text) }
    },
  }
}

/** `prepare` fills the database (seed, accounts) before the admin starts on it; the port is any free one unless given. */
export async function startHttpAdmin(kind: DatabaseKind, name: string, prepare: (payload: Payload) => Promise<void>, env: Record<string, string> = {}, port = 0): Promise<HttpAdmin> {
  const cms = await startTestCms(kind, name)
  const { url, dataDir } = cms
  try {
    await prepare(cms.payload)
  } finally {
    await closeCms(cms.payload)
  }
  let server: AdminServer
  const logPath = `${dataDir}.admin.log`
  const log = createWriteStream(logPath)
  try {
    server = await startAdmin({ port: port || (await probePort(0, '127.0.0.1')), env: { ...env, DATABASE_URL: url, MODERSMAL_DATA_DIR: dataDir, PAYLOAD_SECRET: testSecret }, log })
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true })
    throw e
  }
  const base = server.url
  const signInAs: HttpAdmin['signInAs'] = async (collection, email, password) => {
    const res = await fetch(`${base}/api/${collection}/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email, password }) })
    if (!res.ok) throw new Error(`Sign-in of ${email} failed (${res.status}): ${await res.text()}`)
    const token = /payload-token=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]
    if (!token) throw new Error(`Sign-in of ${email} set no cookie`)
    return client(base, `payload-token=${token}`)
  }
  return {
    url: base,
    kind,
    databaseUrl: url,
    dataDir,
    log: () => readFileSync(logPath, 'utf8'),
    anonymous: client(base),
    signIn: (email, password) => signInAs('users', email, password),
    signInAs,
    async stop() {
      await server.stop()
      log.end()
      rmSync(dataDir, { recursive: true, force: true })
      rmSync(logPath, { force: true })
    },
  }
}
