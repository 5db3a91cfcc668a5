/**
 * The public site's server answers every request, however malformed, and keeps answering: one
 * request must never end the process (an inverted Range header once did, through sirv).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveSite } from '../../site/server/serve.ts'

describe('the site server under malformed requests', () => {
  let dir: string
  let server: Server
  let base: string
  // 1000 bytes whose value says where they are, so a range's bytes can be checked.
  const film = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251))

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'modersmal-serve-'))
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Forside</title>')
    await mkdir(path.join(dir, 'q', 'GLO'), { recursive: true })
    await writeFile(path.join(dir, 'q', 'GLO', 'index.html'), '<!doctype html><title>Glostrup</title>')
    await writeFile(path.join(dir, 'film.mp4'), film)
    // Named by their content (site/lib/cache-policy.ts), and one that is not.
    await mkdir(path.join(dir, '_astro'), { recursive: true })
    await writeFile(path.join(dir, '_astro', 'form.Cgc5iUp9.js'), 'export {}')
    await mkdir(path.join(dir, 'pagefind', 'fragment'), { recursive: true })
    await writeFile(path.join(dir, 'pagefind', 'fragment', 'da_f13a68e.pf_fragment'), 'x')
    await writeFile(path.join(dir, 'pagefind', 'pagefind.da_1da6a62575.pf_meta'), 'x')
    await writeFile(path.join(dir, 'pagefind', 'pagefind.js'), 'export {}')
    // An activity with Danish text only (site/lib/activity-pages.ts).
    await mkdir(path.join(dir, 'da', 'activities', 'leg'), { recursive: true })
    await writeFile(path.join(dir, 'da', 'activities', 'leg', 'index.html'), '<!doctype html><title>Leg</title>')
    server = await serveSite(dir, 0)
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server?.close()
    await rm(dir, { recursive: true, force: true })
  })

  const get = (p: string, headers: Record<string, string> = {}, method = 'GET') => fetch(`${base}${p}`, { headers, method })
  const stillAnswers = async () => expect((await get('/')).status).toBe(200)

  it('serves a byte range of a film, and the last bytes for a suffix range', async () => {
    const part = await get('/film.mp4', { range: 'bytes=10-19' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe('bytes 10-19/1000')
    expect(Buffer.from(await part.arrayBuffer())).toEqual(film.subarray(10, 20))
    const tail = await get('/film.mp4', { range: 'bytes=-10' })
    expect(tail.status).toBe(206)
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(film.subarray(990))
  })

  it('answers a range past the end with 416 and the size', async () => {
    const res = await get('/film.mp4', { range: 'bytes=5000-' })
    expect(res.status).toBe(416)
    expect(res.headers.get('content-range')).toBe('bytes */1000')
    await stillAnswers()
  })

  const ignored = ['bytes=500-100', 'bytes=abc', 'items=0-5', 'bytes=--1', 'bytes=0-1,4-5', `bytes=${'9'.repeat(400)}-`, 'bytes=-']
  it.each(ignored)('serves the whole file for the range "%s" it cannot honour, and keeps answering', async (range) => {
    const res = await get('/film.mp4', { range })
    expect([200, 416]).toContain(res.status)
    if (res.status === 200) expect(Buffer.from(await res.arrayBuffer())).toEqual(film)
    await stillAnswers()
  })

  it('clamps a range whose end lies past the file', async () => {
    const res = await get('/film.mp4', { range: `bytes=990-${'9'.repeat(30)}` })
    expect(res.status).toBe(206)
    expect(Buffer.from(await res.arrayBuffer())).toEqual(film.subarray(990))
  })

  it("serves a printed short code's page without its slash, and nothing outside the folder", async () => {
    const code = await get('/q/GLO')
    expect(code.status).toBe(200)
    expect(await code.text()).toContain('Glostrup')
    for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/q/..%2f..%2f..%2fetc/passwd']) {
      const res = await get(p)
      expect([400, 403, 404], p).toContain(res.status)
      expect(await res.text(), p).not.toContain('root:')
    }
    expect((await get('/%E0%A4%A')).status).toBe(400)
    await stillAnswers()
  })

  it("sends a reader to an activity's page in her fallback chain where her language has none", async () => {
    // Urdu falls back to English, which has no page either: Danish.
    for (const p of ['/ur/activities/leg/', '/ur/activities/leg', '/en/activities/leg/']) {
      const res = await fetch(`${base}${p}`, { redirect: 'manual' })
      expect([res.status, res.headers.get('location')], p).toEqual([302, '/da/activities/leg/'])
    }
    // Only activity pages, only known languages, only what exists.
    for (const p of ['/xx/activities/leg/', '/ur/activities/other/', '/ur/guides/leg/']) expect((await get(p)).status, p).toBe(404)
  })

  it('refuses other methods than GET and HEAD with 405', async () => {
    const res = await get('/', {}, 'POST')
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD')
    expect((await get('/', {}, 'HEAD')).status).toBe(200)
  })

  it('answers malformed HTTP with 400 and keeps serving others', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect((server.address() as AddressInfo).port, '127.0.0.1', () => socket.write('GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n'))
      let data = ''
      socket.on('data', (d) => (data += String(d)))
      socket.on('end', () => resolve(data))
      socket.on('error', reject)
    })
    expect(answer).toMatch(/^HTTP\/1\.1 400/)
    await stillAnswers()
  })

  it('lets a phone keep the files named by their content for a year, and asks again for the rest', async () => {
    for (const p of ['/_astro/form.Cgc5iUp9.js', '/pagefind/fragment/da_f13a68e.pf_fragment', '/pagefind/pagefind.da_1da6a62575.pf_meta']) {
      expect((await get(p)).headers.get('cache-control'), p).toBe('public, max-age=31536000, immutable')
    }
    // A page, Pagefind's own script (its name stays when Pagefind is upgraded), and a missing
    // file that may exist after the next publish.
    for (const [p, status] of [
      ['/', 200],
      ['/pagefind/pagefind.js', 200],
      ['/_astro/gone.AAAAAAAA.js', 404],
    ] as const) {
      const res = await get(p)
      expect(res.status, p).toBe(status)
      expect(res.headers.get('cache-control') ?? '', p).not.toMatch(/immutable|max-age=[1-9]/)
    }
  })

  it('lets no other site frame its pages, sniff its types or learn which page a mother came from', async () => {
    for (const p of ['/', '/film.mp4', '/no-such-page/']) {
      const res = await get(p)
      expect(res.headers.get('content-security-policy'), p).toBe("frame-ancestors 'none'")
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), p).toBe('no-referrer')
    }
  })
})
