/** Reading PDFs and images with poppler-utils and zbar-tools (installed by scripts/system-deps.ts). */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

export const pdfText = (file: string, page?: number) => run('pdftotext', ['-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'])

export function pdfPageCount(file: string): number {
  return Number(run('pdfinfo', [file]).match(/^Pages:\s+(\d+)/m)![1])
}

export interface PdfFont {
  name: string
  embedded: boolean
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
  // name type encoding emb sub uni object ID: read the three yes/no columns from the end.
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/)
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' }
  })
}

/** Every QR code zbarimg finds on one page of a PDF rasterized at `dpi`. */
export function qrCodesOnPage(file: string, page: number, dpi = 150): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'modersmal-pdf-'))
  try {
    run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-png', file, path.join(dir, 'page')])
    const png = readdirSync(dir).find((f) => f.endsWith('.png'))!
    return qrCodesIn(path.join(dir, png))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function qrCodesIn(image: string): string[] {
  try {
    return run('zbarimg', ['-q', '--raw', image]).split('\n').filter(Boolean)
  } catch (e) {
    // zbarimg exits 4 when it finds no code.
    if ((e as { status?: number }).status === 4) return []
    throw e
  }
}

/** Text as compared: Unicode NFC, no whitespace and no bidi controls (pdftotext adds both). */
export const squash = (s: string) => s.normalize('NFC').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\s]/g, '')

/**
 * The fewest edits that turn `needle` into some stretch of `hay` (Sellers' approximate substring
 * search). Arabic-script text needs it: Chromium places some glyphs with vertical offsets (cursive
 * attachment, marks), and pdftotext then files them on a line of their own.
 */
export function editDistanceWithin(needle: string, hay: string): number {
  const m = needle.length
  let prev = Array.from({ length: m + 1 }, (_, i) => i)
  let best = prev[m]!
  for (const ch of hay) {
    const cur = [0]
    for (let i = 1; i <= m; i++) cur[i] = Math.min(prev[i - 1]! + (needle[i - 1] === ch ? 0 : 1), prev[i]! + 1, cur[i - 1]! + 1)
    best = Math.min(best, cur[m]!)
    prev = cur
  }
  return best
}
