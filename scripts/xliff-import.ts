/**
 * npm run xliff:import -- <file.xlf> --status reviewed|machine
 * Imports an agency's XLIFF 2.0 file, all or nothing: any refused unit (the Danish changed since the
 * export, an unknown document or field, …) means nothing is written; the report names every unit.
 */
import { readFile } from 'node:fs/promises'
import { closeCms, openCms } from '../cms/boot.ts'
import { formatReport, importXliff } from '../cms/sync/xliff.ts'
import { oneOf, parseCommand } from '../system/cli.ts'

const { values, positionals, fail } = parseCommand({
  usage: 'Usage: npm run xliff:import -- <file.xlf> --status reviewed|machine\n  reviewed: checked by a professional translator; machine: any unreviewed translation.',
  options: { status: { type: 'string' } },
  positionals: { min: 1, max: 1 },
})
const file = positionals[0]!
const status = oneOf(fail, 'status', values.status ?? fail('--status is required: say whether a person reviewed these translations.'), ['reviewed', 'machine'] as const)
const xml = await readFile(file, 'utf8')

// All or nothing: a seed or import killed mid-way leaves the database as it was.
const payload = await openCms({ database: { transactions: true } })
const started = performance.now()
try {
  const report = await importXliff(payload, xml, { status })
  console.log(formatReport(report))
  if (report.refused.length) process.exitCode = 1
  else console.log(`in ${Math.round(performance.now() - started)} ms`)
} catch (e) {
  console.error(e instanceof Error ? e.message : e)
  console.error('Nothing was imported.')
  process.exitCode = 1
} finally {
  await closeCms(payload)
}
process.exit()
