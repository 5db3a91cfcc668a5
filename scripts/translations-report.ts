/**
 * npm run translations:report [-- --json] [--content <dir>]
 * Translation coverage per locale (and per collection for the committed ones) from content/.
 * Exits 1 when a locale the registry marks `required` falls below its share.
 */
import path from 'node:path'
import { ContentError, loadContent } from '../content/load.ts'
import { coverageReport, coverageTable } from '../content/coverage-report.ts'
import { parseCommand } from '../system/cli.ts'

const { values } = parseCommand({
  usage: 'Usage: npm run translations:report [-- --json] [--content <dir>]',
  options: { json: { type: 'boolean', default: false }, content: { type: 'string', default: process.env.MODERSMAL_CONTENT_DIR ?? 'content' } },
})
const dir = values.content
try {
  const report = coverageReport(await loadContent(path.resolve(dir)))
  console.log(values.json ? JSON.stringify(report, null, 2) : coverageTable(report))
  const below = report.filter((r) => r.belowRequired)
  if (below.length) {
    console.error(`\nBelow the committed share: ${below.map((r) => `${r.locale} ${(r.current * 100).toFixed(0)}% < ${(r.required! * 100).toFixed(0)}%`).join(', ')}`)
    process.exit(1)
  }
} catch (e) {
  console.error(e instanceof ContentError ? e.message : e)
  process.exit(2)
}
