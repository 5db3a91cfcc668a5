/**
 * The QR print pack for print shops: for every living short code, an SVG and a 300 dpi PNG of its
 * QR code with the short URL printed under it, an index page and a CSV. The physical size is
 * stated: modules are whole 300-dpi pixels, so the nominal size is rounded to the nearest one.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import QRCode from 'qrcode'
import sharp from 'sharp'
import type { ContentSet } from '../../content/collections.ts'
import { getLocale, sourceLocale } from '../../locales/registry.ts'
import { absolute, urls } from '../../content/urls.ts'
import { escapeHtml } from '../lib/html.ts'

export interface QrPackOptions {
  /** The public site's address (SITE_URL); the codes lead there. */
  site?: string
  /** The QR code's side including its 4-module quiet zone, before rounding (default 30 mm). */
  sizeMm?: number
  dpi?: number
}

export interface QrPackEntry {
  code: string
  municipality: string
  locale: string
  url: string
  svg: string
  png: string
  /** The real side of the QR code (quiet zone included), after rounding to whole pixels. */
  sizeMm: number
  /** The PNG's width and height in pixels. */
  pixels: { width: number; height: number }
}

const margin = 4

/** The QR code with the short URL under it; every length in mm, the QR code in whole 300-dpi pixels a module. */
export function labelledQrSvg(url: string, sizeMm = 30, dpi = 300): { svg: string; sizeMm: number; modules: number; pixelSvg: string } {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'Q' })
  const n = qr.modules.size
  const side = n + 2 * margin
  // Whole pixels per module at this dpi, so the PNG has crisp edges and the SVG the same size.
  const pxPerModule = Math.max(1, Math.round(((sizeMm / 25.4) * dpi) / side))
  const moduleMm = (pxPerModule / dpi) * 25.4
  const label = url.replace(/^https?:\/\//, '')
  // Label below the quiet zone: a monospace line that fits the width (about 0.6 em per character).
  const fontSize = Math.min(3, (side - 2) / (0.6 * label.length))
  const labelHeight = Math.ceil(fontSize * 1.6)
  const height = side + labelHeight
  let d = ''
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (qr.modules.get(y, x)) d += `M${x + margin} ${y + margin}h1v1h-1z`
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${(side * moduleMm).toFixed(3)}mm" height="${(height * moduleMm).toFixed(3)}mm" viewBox="0 0 ${side} ${height}" shape-rendering="crispEdges">` +
    `<title>${escapeHtml(label)}</title><rect width="${side}" height="${height}" fill="#fff"/><path fill="#000" d="${d}"/>` +
    `<text x="${side / 2}" y="${side + fontSize * 0.9}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="${fontSize.toFixed(2)}" text-anchor="middle" fill="#000" shape-rendering="auto">${escapeHtml(label)}</text></svg>\n`
  // The same drawing sized in pixels at `dpi`, for the PNG: librsvg's own mm → px would be rescaled.
  const pixelSvg = svg.replace(/width="[\d.]+mm" height="[\d.]+mm"/, `width="${side * pxPerModule}" height="${height * pxPerModule}"`)
  return { svg, sizeMm: side * moduleMm, modules: side, pixelSvg }
}

export async function writeQrPack(set: ContentSet, outDir: string, opts: QrPackOptions = {}): Promise<QrPackEntry[]> {
  const dpi = opts.dpi ?? 300
  await mkdir(outDir, { recursive: true })
  const byCode = new Map(set.municipalities.map((m) => [m.shortCode, m]))
  const entries: QrPackEntry[] = []
  for (const c of set.codes.filter((c) => !c.retired)) {
    const url = absolute(urls.shortCode(c.code), opts.site)
    const { svg, sizeMm, pixelSvg } = labelledQrSvg(url, opts.sizeMm ?? 30, dpi)
    const svgFile = `${c.code}-print.svg`
    const pngFile = `${c.code}-print-${dpi}dpi.png`
    await writeFile(path.join(outDir, svgFile), svg)
    const png = await sharp(Buffer.from(pixelSvg)).flatten({ background: '#fff' }).png().withDensity(dpi).toBuffer({ resolveWithObject: true })
    await writeFile(path.join(outDir, pngFile), png.data)
    const m = byCode.get(c.municipality)
    entries.push({
      code: c.code,
      municipality: m?.name[sourceLocale] ?? c.municipality,
      locale: c.locale,
      url,
      svg: svgFile,
      png: pngFile,
      sizeMm,
      pixels: { width: png.info.width, height: png.info.height },
    })
  }
  await writeFile(path.join(outDir, 'index.html'), indexPage(entries, dpi))
  await writeFile(
    path.join(outDir, 'codes.csv'),
    `${['code,municipality,language,url,svg,png,size_mm', ...entries.map((e) => [e.code, e.municipality, e.locale, e.url, e.svg, e.png, e.sizeMm.toFixed(1)].map(csv).join(','))].join('\n')}\n`,
  )
  return entries
}

const csv = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/** A Danish page for the print shop: every code, its language, URL, files and printed size. */
function indexPage(entries: QrPackEntry[], dpi: number): string {
  const rows = entries
    .map((e) => {
      const l = getLocale(e.locale)
      return (
        `<tr><td><img src="${e.svg}" alt="QR: ${escapeHtml(e.url)}" width="96" height="96"></td><td><code>${e.code}</code></td><td>${escapeHtml(e.municipality)}</td>` +
        `<td><span lang="${l.code}" dir="${l.dir}">${escapeHtml(l.endonym)}</span> (${l.code})</td><td><bdi dir="ltr">${escapeHtml(e.url)}</bdi></td>` +
        `<td>${e.sizeMm.toFixed(1)} mm</td><td><a href="${e.svg}">SVG</a> · <a href="${e.png}">PNG ${e.pixels.width}×${e.pixels.height}</a></td></tr>`
      )
    })
    .join('\n')
  return `<!doctype html>
<html lang="da" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>QR-koder til tryk · Modersmål</title>
<style>body{font-family:system-ui,sans-serif;margin-inline:auto;max-inline-size:70rem;padding:1rem}table{border-collapse:collapse;inline-size:100%}th,td{border-block-end:1px solid #ccc;padding:.3rem;text-align:start;vertical-align:middle}img{block-size:auto}</style></head>
<body>
<h1>QR-koder til tryk</h1>
<p>${entries.length} koder. Hver kode fører til en kommunes side på ét sprog. Tryk koden i den angivne størrelse eller større, med den hvide kant om den (4 moduler) og med adressen under. SVG er vektor; PNG er ${dpi} dpi i den angivne størrelse. Listen findes også som <a href="codes.csv">CSV</a>.</p>
<table>
<thead><tr><th>QR</th><th>Kode</th><th>Kommune</th><th>Sprog</th><th>Adresse</th><th>Størrelse</th><th>Filer</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`
}
