/**
 * npm run xliff:export -- --locale ar [--collection activities]… [--outdated-only] [--missing-only] [--out file.xlf]
 * Writes an XLIFF 2.0 file from Danish into one language for a translation agency (content/xliff/).
 */
import { writeFile } from 'node:fs/promises'
import { closeCms, openCms } from '../cms/boot.ts'
import { exportXliff } from '../cms/sync/xliff.ts'
import type { ContentKind } from '../content/collections.ts'
import { parseCommand } from '../system/cli.ts'

const { values: args, fail } = parseCommand({
  usage: 'Usage: npm run xliff:export -- --locale <code> [--collection <name>]… [--outdated-only] [--missing-only] [--out <file.xlf>]',
  options: {
    locale: { type: 'string' },
    collection: { type: 'string', multiple: true },
    'outdated-only': { type: 'boolean', default: false },
    'missing-only': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
})
const locale = args.locale ?? fail('--locale is required.')
const collections = args.collection?.flatMap((c) => c.split(',')) as ContentKind[] | undefined
const out = args.out ?? `modersmal-${locale}${collections ? `-${collections.join('-')}` : ''}${args['outdated-only'] ? '-outdated' : ''}${args['missing-only'] ? '-missing' : ''}.xlf`

const payload = await openCms()
const started = performance.now()
try {
  const result = await exportXliff(payload, { locale: locale, collections, outdatedOnly: args['outdated-only'], missingOnly: args['missing-only'] })
  const ms = Math.round(performance.now() - started)
  if (!result.xml) {
    console.log(`Nothing to translate into "${locale}" with these options; no file written.`)
  } else {
    await writeFile(out, result.xml)
    console.log(`Wrote ${out}: ${result.units} units, ${result.fields} fields, ${result.documents} documents in ${ms} ms`)
  }
} catch (e) {
  console.error((e as Error).message)
  process.exitCode = 1
} finally {
  await closeCms(payload)
}
process.exit()
