/**
 * The admin's front door (cms/gate.ts), over real HTTP in front of a real server that records
 * what reaches it: unsigned uploads and oversized bodies are refused from their headers, before
 * any of the body is read; a body without a length is cut off at the limit; everything else
 * passes unchanged both ways. The browser tests run the real admin behind it.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyVerdict, startGate, type Gate, type GateLimits } from '../../cms/gate.ts'

const MB = 1024 * 1024
const limits: GateLimits = { uploads: { media: 2 * MB, videos: 8 * MB }, signedIn: 3 * MB, anonymous: 4 * 1024 }
const signedIn = { cookie: 'payload-lng=da; payload-token=abc.def.ghi' }

describe('the admin gate', () => {
  let upstream: Server
  let gate: Gate
  let port: number
  /** What reached the admin behind the gate: one entry per request, with the bytes of its body. */
  const received: Array<{ method: string; url: string; bytes: number }> = []

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      let bytes = 0
      req.on('data', (c: Buffer) => (bytes += c.length))
      req.on('end', () => {
        received.push({ method: req.method!, url: req.url!, bytes })
        if (req.url === '/admin/cookies') {
          res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/'])
          return res.end('two cookies')
        }
        if (req.url?.startsWith('/api/videos/file/')) return res.writeHead(206, { 'content-range': 'bytes 0-9/100', 'content-type': 'video/mp4' }).end(Buffer.alloc(10))
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes }))
      })
    })
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()))
    gate = await startGate({ host: '127.0.0.1', port: 0, upstream: { host: '127.0.0.1', port: (upstream.address() as AddressInfo).port }, limits })
    port = (gate.server.address() as AddressInfo).port
  })
  afterAll(async () => {
    await gate?.close()
    await new Promise((r) => upstream?.close(r))
  })

  /** Sends a request; `declared` is the Content-Length it claims (default: the body's), `chunked` sends none. */
  const send = (opts: { method?: string; path: string; headers?: IncomingHttpHeaders; body?: Buffer; declared?: number; chunked?: boolean }) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const body = opts.body ?? Buffer.alloc(0)
      const headers: IncomingHttpHeaders = { ...opts.headers }
      if (!opts.chunked && (opts.body || opts.declared)) headers['content-length'] = String(opts.declared ?? body.length)
      const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers }, (res) => {
        let text = ''
        res.setEncoding('latin1')
        res.on('data', (d: string) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }))
      })
      // A refused request may be answered (and closed) before its body is sent.
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)))
      if (opts.chunked) {
        // In pieces, as a browser streams a file it does not know the size of.
        const piece = 256 * 1024
        const write = (at: number) => {
          if (at >= body.length) return req.end()
          req.write(body.subarray(at, at + piece), () => setImmediate(() => write(at + piece)))
        }
        write(0)
      } else if (opts.declared && !opts.body) req.flushHeaders()
      else req.end(body)
    })
  const reached = (url: string) => received.filter((r) => r.url === url)

  it('refuses an upload without a sign-in from its headers: nothing reaches the admin', async () => {
    const res = await send({ method: 'POST', path: '/api/media?depth=0', declared: 5 * MB })
    expect(res.status).toBe(401)
    expect(JSON.parse(res.text).errors[0].message).toBe('Sign in to upload files.')
    expect(reached('/api/media?depth=0')).toEqual([])
  })

  it("refuses a file over its collection's limit from its declared length, naming the limit", async () => {
    const res = await send({ method: 'POST', path: '/api/media', headers: signedIn, declared: 5 * MB })
    expect(res.status).toBe(413)
    expect(JSON.parse(res.text).errors[0].message).toBe('The file is too large: this collection takes at most 2 MB.')
    expect(reached('/api/media')).toEqual([])
  })

  it('lets a signed-in upload within the limit through whole', async () => {
    const res = await send({ method: 'POST', path: '/api/videos', headers: signedIn, body: Buffer.alloc(6 * MB, 1) })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text).bytes).toBe(6 * MB)
  })

  it('cuts off a body sent without a length at the limit', async () => {
    const res = await send({ method: 'POST', path: '/api/media/7', headers: signedIn, body: Buffer.alloc(6 * MB, 2), chunked: true })
    expect(res.status).toBe(413)
    expect(JSON.parse(res.text).errors[0].message).toMatch(/at most 2 MB/)
    // The admin saw at most what fits under the limit, never the whole body.
    expect(reached('/api/media/7').every((r) => r.bytes <= 3 * MB)).toBe(true)
  })

  it('takes a signed-in save of up to 3 MB and refuses a larger one', async () => {
    expect((await send({ method: 'PATCH', path: '/api/activities/1', headers: { ...signedIn, 'content-type': 'application/json' }, body: Buffer.alloc(2 * MB, 32) })).status).toBe(200)
    const big = await send({ method: 'PATCH', path: '/api/activities/2', headers: signedIn, declared: 4 * MB })
    expect(big.status).toBe(413)
    expect(JSON.parse(big.text).errors[0].message).toBe('The request is too large: at most 3 MB here.')
    expect(reached('/api/activities/2')).toEqual([])
  })

  it('gives someone not signed in a few KB: enough for a login, not for a flood', async () => {
    const login = Buffer.from(JSON.stringify({ email: 'admin@example.org', password: 'x'.repeat(100) }))
    expect((await send({ method: 'POST', path: '/api/users/login', headers: { 'content-type': 'application/json' }, body: login })).status).toBe(200)
    expect(reached('/api/users/login')[0]?.bytes).toBe(login.length)
    const flood = await send({ method: 'POST', path: '/api/users/forgot-password', declared: 100 * 1024 })
    expect(flood.status).toBe(413)
    expect(JSON.parse(flood.text).errors[0].message).toBe('The request is too large: at most 4 KB here.')
  })

  it('passes answers through unchanged: several cookies, partial content', async () => {
    const cookies = await send({ path: '/admin/cookies' })
    expect(cookies.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/'])
    expect(cookies.text).toBe('two cookies')
    const range = await send({ path: '/api/videos/file/film.mp4', headers: { ...signedIn, range: 'bytes=0-9' } })
    expect(range.status).toBe(206)
    expect(range.headers['content-range']).toBe('bytes 0-9/100')
    expect(range.text.length).toBe(10)
  })

  it('says the admin is restarting when nothing answers behind it', async () => {
    const idle = createServer()
    await new Promise<void>((r) => idle.listen(0, '127.0.0.1', () => r()))
    const deadPort = (idle.address() as AddressInfo).port
    await new Promise((r) => idle.close(r))
    const lonely = await startGate({ host: '127.0.0.1', port: 0, upstream: { host: '127.0.0.1', port: deadPort }, limits })
    try {
      const res = await fetch(`http://127.0.0.1:${(lonely.server.address() as AddressInfo).port}/admin`)
      expect(res.status).toBe(502)
      expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toBe('The admin is starting or restarting; try again in a moment.')
    } finally {
      await lonely.close()
    }
  })

  it('decides from the method, the path and whether a sign-in is carried', () => {
    expect(bodyVerdict('GET', '/api/media/file/x.jpg', {}, limits)).toEqual({ ok: true, limit: limits.anonymous, upload: false })
    expect(bodyVerdict('POST', '/api/videos', { authorization: 'JWT x' }, limits)).toEqual({ ok: true, limit: 9 * MB, upload: true })
    expect(bodyVerdict('DELETE', '/api/media/3', {}, limits)).toMatchObject({ ok: true, upload: false })
  })
})
