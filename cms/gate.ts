/**
 * The admin's front door: a small HTTP server in front of Next that looks at each request's
 * headers before a byte of its body is read. Next and Payload buffer a body before they check who
 * sent it, and take up to the video limit (hundreds of MB) on every endpoint; here:
 *   - an upload (POST/PATCH/PUT to an upload collection) without a sign-in is refused with 401;
 *   - each request may carry at most its endpoint's body: the collection's upload limit for
 *     uploads, a few MB for a signed-in save, a few KB for anyone not signed in (a login);
 *   - a larger Content-Length is refused with 413 at once; a body without one is counted as it
 *     streams through and cut off at the limit. A refused body is never passed on or kept.
 * Whether a sign-in is valid is still Payload's to decide; this only keeps unsigned or oversized
 * bodies out of memory. Everything else streams through unchanged, both ways.
 */
import { Agent, createServer, request as upstreamRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { Transform } from 'node:stream'
import { guarded, hardened } from '../site/server/guard.ts'
import { peerHeader, peerOf } from './peer.ts'

export interface GateLimits {
  /** Upload collections by slug: the largest file each takes. */
  uploads: Record<string, number>
  /** A signed-in request that is not an upload (a save, a publish). */
  signedIn: number
  /** A request from someone not signed in (a login, a password reset). */
  anonymous: number
}

/** Room for the multipart envelope and the document's fields beside the file. */
const multipartOverhead = 1024 * 1024

export const defaultBodyLimits = { signedIn: 4 * 1024 * 1024, anonymous: 64 * 1024 }

export type BodyVerdict = { ok: true; limit: number; upload: boolean } | { ok: false; status: 401 | 413; message: string }

const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`
const kib = (n: number) => (n >= 1024 * 1024 ? mib(n) : `${Math.round(n / 1024)} KB`)

/** Whether the request carries a sign-in (Payload's cookie or an Authorization header); not whether it is valid. */
export function carriesSignIn(headers: IncomingHttpHeaders): boolean {
  if (headers.authorization) return true
  return /(?:^|;\s*)payload-token=[^;]+/.test(headers.cookie ?? '')
}

/** What a request may send, decided from its method, path and headers alone. */
export function bodyVerdict(method: string, url: string, headers: IncomingHttpHeaders, limits: GateLimits): BodyVerdict {
  const pathname = url.split('?')[0] ?? ''
  const signedIn = carriesSignIn(headers)
  const collection = /^\/api\/([^/]+)/.exec(pathname)?.[1]
  const upload = collection !== undefined && collection in limits.uploads && ['POST', 'PATCH', 'PUT'].includes(method)
  if (upload && !signedIn) return { ok: false, status: 401, message: 'Sign in to upload files.' }
  const limit = upload ? limits.uploads[collection!]! + multipartOverhead : signedIn ? limits.signedIn : limits.anonymous
  const declared = Number(headers['content-length'] ?? 0)
  if (declared > limit) return { ok: false, status: 413, message: tooLarge(limit, upload) }
  return { ok: true, limit, upload }
}

const tooLarge = (limit: number, upload: boolean) =>
  upload ? `The file is too large: this collection takes at most ${mib(limit - multipartOverhead)}.` : `The request is too large: at most ${kib(limit)} here.`

/** Hop-by-hop headers belong to one connection, not to the request or response. */
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'])
function forwardedHeaders(raw: string[], drop: ReadonlySet<string> = hopByHop): string[] {
  const out: string[] = []
  for (let i = 0; i < raw.length; i += 2) if (!drop.has(raw[i]!.toLowerCase())) out.push(raw[i]!, raw[i + 1]!)
  return out
}

const notPassedOn = new Set([...hopByHop, peerHeader])

/**
 * Answers with the reason. The rest of the body is read and thrown away (for at most a few seconds),
 * so the client, still sending, gets to read the answer instead of a broken connection.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.destroy()
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ errors: [{ message }] }))
  if (req.readableEnded) return
  const linger = setTimeout(() => req.socket.destroy(), 10_000)
  req.once('end', () => clearTimeout(linger))
  req.once('close', () => clearTimeout(linger))
  req.unpipe()
  req.resume()
}

/** Counts a body as it streams; past the limit it stops with an error naming the limit. */
function counter(limit: number): Transform {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length
      if (seen > limit) done(Object.assign(new Error('body over the limit'), { overLimit: true }))
      else done(null, chunk)
    },
  })
}

export interface Gate {
  server: Server
  close(): Promise<void>
}

/** Listens on host:port and forwards what passes to the admin on upstream. */
export async function startGate(opts: { host: string; port: number; upstream: { host: string; port: number }; limits: GateLimits; trustProxy?: boolean; log?: (m: string) => void }): Promise<Gate> {
  const agent = new Agent({ keepAlive: true })
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const verdict = bodyVerdict(req.method ?? 'GET', req.url ?? '/', req.headers, opts.limits)
    if (!verdict.ok) return refuse(req, res, verdict.status, verdict.message)
    const onward = upstreamRequest({
      agent,
      host: opts.upstream.host,
      port: opts.upstream.port,
      method: req.method,
      path: req.url,
      headers: [...forwardedHeaders(req.rawHeaders, notPassedOn), peerHeader, peerOf(req, opts.trustProxy)],
    })
    onward.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwardedHeaders(answer.rawHeaders))
      answer.pipe(res)
      answer.on('error', () => res.destroy())
    })
    onward.on('error', (e: NodeJS.ErrnoException) => {
      // Destroyed by us after a refusal: that answer stands.
      if (res.writableEnded) return
      if (res.headersSent) return void res.destroy()
      const starting = e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET'
      refuse(req, res, 502, starting ? 'The admin is starting or restarting; try again in a moment.' : 'The admin could not answer.')
    })
    const count = counter(verdict.limit)
    count.on('error', (e: Error & { overLimit?: boolean }) => {
      if (e.overLimit) refuse(req, res, 413, tooLarge(verdict.limit, verdict.upload))
      else res.destroy()
      onward.destroy()
    })
    req.on('error', () => onward.destroy())
    res.on('close', () => {
      if (!res.writableFinished) onward.destroy()
    })
    req.pipe(count).pipe(onward)
  }
  const server = hardened(createServer(guarded(handle, opts.log)))
  // Uploads of hundreds of MB over a slow line: no overall request timeout, but idle sockets end.
  server.requestTimeout = 0
  server.headersTimeout = 30_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host, () => resolve())
  })
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
