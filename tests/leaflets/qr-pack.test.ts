/** The QR print pack: every living code as SVG and 300 dpi PNG that scan to its exact short URL. */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentSet } from '../../content/collections.ts'
import { loadContent } from '../../content/load.ts'
import { writeQrPack, type QrPackEntry } from '../../site/print/qr-pack.ts'
import { absolute, urls } from '../../content/urls.ts'
import { repoContent } from '../support/content.ts'
import { qrCodesIn } from '../support/pdf.ts'

describe('QR print pack', () => {
  let set: ContentSet
  let out: string
  let entries: QrPackEntry[]

  beforeAll(async () => {
    set = await loadContent(repoContent)
    out = await mkdtemp(path.join(tmpdir(), 'modersmal-qr-'))
    entries = await writeQrPack(set, out, { site: 'https://modersmal.example', sizeMm: 30 })
  })
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true })
  })

  it('has an SVG and a PNG for every living code, and lists them all', async () => {
    const living = set.codes
      .filter((c) => !c.retired)
      .map((c) => c.code)
      .sort()
    expect(entries.map((e) => e.code).sort()).toEqual(living)
    const files = await readdir(out)
    for (const code of living) {
      expect(files).toContain(`${code}-print.svg`)
      expect(files).toContain(`${code}-print-300dpi.png`)
    }
    const index = await readFile(path.join(out, 'index.html'), 'utf8')
    for (const e of entries) expect(index).toContain(`<code>${e.code}</code>`)
    expect(index).toContain('<span lang="ar" dir="rtl">العربية</span>')
    expect((await readFile(path.join(out, 'codes.csv'), 'utf8')).trim().split('\n')).toHaveLength(living.length + 1)
  })

  it.each(['AARAR', 'AARTI', 'AARUR', 'ESBPRS', 'VEJDA'])('%s scans to its exact short URL, printed under it, at 300 dpi', async (code) => {
    const url = absolute(urls.shortCode(code), 'https://modersmal.example')
    const e = entries.find((x) => x.code === code)!
    expect(e.url).toBe(url)
    expect(qrCodesIn(path.join(out, e.png))).toEqual([url])
    const svg = await readFile(path.join(out, e.svg), 'utf8')
    expect(svg).toContain(`>modersmal.example/q/${code}</text>`)
    // The stated physical size is the file's: pixels = size × 300 dpi, density recorded.
    const meta = await sharp(path.join(out, e.png)).metadata()
    expect(meta.density).toBe(300)
    expect(meta.width).toBe(Math.round((e.sizeMm / 25.4) * 300))
    expect(e.sizeMm).toBeGreaterThanOrEqual(29)
    expect(e.sizeMm).toBeLessThanOrEqual(32)
    expect(svg).toContain(`width="${e.sizeMm.toFixed(3)}mm"`)
  })
})
