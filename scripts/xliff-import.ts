/**
 * npm run xliff:import -- <file.xlf> --status reviewed|machine
 * Imports an agency's XLIFF 2.0 file, all or nothing: any refused unit (the Danish changed since the
 * export, an unknown document or field, …) means nothing is written; the report names every unit.
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { closeCms, openCms } from '../cms/boot.ts'
import { formatReport, importXliff } from '../cms/sync/xliff.ts'

const usage = 'Usage: npm run xliff:import -- <file.xlf> --status reviewed|machine'
let parsed
try {
  parsed = parseArgs({ allowPositionals: true, options: { status: { type: 'string' } } })
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`)
  process.exit(2)
}
const [file] = parsed.positionals
const status = parsed.values.status
if (!file || parsed.positionals.length > 1 || (status !== 'reviewed' && status !== 'machine')) {
  console.error(`${usage}\n  reviewed: checked by a professional translator; machine: any unreviewed translation.`)
  process.exit(2)
}
const xml = await readFile(file, 'utf8')

const payload = await openCms()
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
