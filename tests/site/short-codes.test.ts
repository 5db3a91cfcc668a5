/** Printed QR codes must resolve for years: every code, through renames and closures. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import jsQR from 'jsqr'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../content/load.ts'
import { buildSite } from '../../site/build/build-site.ts'
import { copyOfContent } from '../support/content.ts'

const root = path.resolve(import.meta.dirname, '../..')
const refreshTarget = (html: string) => html.match(/<meta http-equiv="refresh" content="0; url=([^"]+)"/)?.[1]

describe('short codes and old URLs', () => {
  let content: string
  let out: string
  const read = (p: string) => readFile(path.join(out, p), 'utf8')

  beforeAll(async () => {
    // A renamed municipality (aarhus → aarhus-tilst) and a closed one whose codes were retired.
    content = await copyOfContent()
    const file = (slug: string) => path.join(content, 'municipalities', `${slug}.yaml`)
    const aarhus = await readFile(file('aarhus'), 'utf8')
    await writeFile(file('aarhus-tilst'), aarhus.replace(/^slug: aarhus$/m, 'slug: aarhus-tilst\nformerSlugs:\n  - aarhus'))
    await rm(file('aarhus'))
    await rm(file('roskilde'))
    const codes = await readFile(path.join(content, 'shortcodes.yaml'), 'utf8')
    await writeFile(path.join(content, 'shortcodes.yaml'), codes.replace(/( {2}municipality: ROS\n {2}locale: \w+\n {2}issued: "[\d-]+"\n)/g, '$1  retired: "2026-12-01"\n'))
    out = path.join(await mkdtemp(path.join(tmpdir(), 'modersmal-codes-')), 'dist')
    // Every request the build makes from this process, to check that it asks no other host.
    const fetchOf = globalThis.fetch
    globalThis.fetch = (input, init) => {
      asked.push(String(input instanceof Request ? input.url : input))
      return fetchOf(input, init)
    }
    try {
      await buildSite({ root, contentDir: content, outDir: out })
    } finally {
      globalThis.fetch = fetchOf
    }
  })
  const asked: string[] = []

  it("asks no other host while it builds (Astro's telemetry is off)", () => {
    expect(asked.filter((url) => !/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url))).toEqual([])
  })
  afterAll(async () => {
    await rm(content, { recursive: true, force: true })
    await rm(path.dirname(out), { recursive: true, force: true })
  })

  it('gives every issued code a page that leads to an existing page', async () => {
    const { codes } = await loadContent(content)
    expect(codes.length).toBeGreaterThanOrEqual(8 * 21)
    for (const c of codes) {
      const target = refreshTarget(await read(`q/${c.code}/index.html`))
      expect(target, c.code).toBeDefined()
      await expect(read(path.join(target!, 'index.html')), `${c.code} → ${target}`).resolves.toContain('<html')
    }
  })

  it("keeps a renamed municipality's codes and old URLs working", async () => {
    expect(refreshTarget(await read('q/AARAR/index.html'))).toBe('/ar/aarhus-tilst/')
    expect(refreshTarget(await read('ar/aarhus/index.html'))).toBe('/ar/aarhus-tilst/')
    expect(await read('_redirects')).toContain('/q/AARAR /ar/aarhus-tilst/ 301')
    expect(await read('_redirects')).toContain('/ti/aarhus/ /ti/aarhus-tilst/ 301')
  })

  it("sends a retired code to the nearest living page: its language's home", async () => {
    expect(refreshTarget(await read('q/ROSTI/index.html'))).toBe('/ti/')
  })

  it('offers a municipality in every language under its own code', async () => {
    const page = await read('q/VEJ/index.html')
    expect(page).toContain('href="/ar/vejle/"')
    expect(page).toContain('href="/ti/vejle/"')
  })

  it('refuses to build when an issued code leads nowhere, naming the code', async () => {
    const broken = await copyOfContent()
    try {
      await rm(path.join(broken, 'municipalities', 'glostrup.yaml'))
      await expect(buildSite({ root, contentDir: broken, outDir: path.join(broken, 'dist') })).rejects.toThrow(/code GLOAR: municipality GLO does not exist; restore it, or mark the code retired/)
    } finally {
      await rm(broken, { recursive: true, force: true })
    }
  })

  it('prints QR codes that decode to the short URL', async () => {
    for (const code of ['AARAR', 'VEJTI', 'ESBCKB']) {
      const svg = await read(`qr/${code}.svg`)
      const { data, info } = await sharp(Buffer.from(svg), { density: 300 }).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
      const decoded = jsQR(new Uint8ClampedArray(data), info.width, info.height)
      expect(decoded?.data, code).toBe(`http://localhost:4321/q/${code}`)
    }
  })
})
