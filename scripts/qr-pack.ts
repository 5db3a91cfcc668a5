/**
 * npm run qr:pack: the QR print pack for print shops in dist/qr/ (beside the site's own QR SVGs):
 * <CODE>-print.svg and <CODE>-print-300dpi.png for every living short code, with the short URL
 * under the code, plus index.html and codes.csv.
 *   npm run qr:pack -- [--out dist/qr] [--size-mm 30]
 * Codes lead to SITE_URL (default http://localhost:4321): set it to the public address.
 */
import path from 'node:path'
import { ContentError, loadContent } from '../content/load.ts'
import { writeQrPack } from '../site/print/qr-pack.ts'
import { integer, parseCommand } from '../system/cli.ts'

const { values: args, fail } = parseCommand({
  usage: 'Usage: npm run qr:pack [-- --out dist/qr] [--size-mm 30]',
  options: { out: { type: 'string', default: 'dist/qr' }, 'size-mm': { type: 'string', default: '30' } },
})
// At least 2 cm, or a cheap phone's camera cannot read it from a leaflet.
const sizeMm = integer(fail, 'size-mm', args['size-mm'], 20, 200)
try {
  const set = await loadContent(path.resolve(process.env.MODERSMAL_CONTENT_DIR ?? 'content'))
  const out = path.resolve(args.out)
  const entries = await writeQrPack(set, out, { site: process.env.SITE_URL, sizeMm })
  const sizes = [...new Set(entries.map((e) => e.sizeMm.toFixed(1)))].join(', ')
  console.log(`QR print pack: ${entries.length} codes (SVG + 300 dpi PNG, ${sizes} mm) in ${path.relative(process.cwd(), out) || out}/, index.html lists them`)
} catch (e) {
  console.error(e instanceof ContentError ? e.message : ((e as Error).stack ?? e))
  process.exit(1)
}
