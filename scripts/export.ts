/** npm run export: writes the CMS's published content back to content/. */
import { closeCms, openCms } from '../cms/boot.ts'
import { contentDir } from '../cms/paths.ts'
import { ContentError } from '../content/load.ts'
import { exportContent } from '../cms/sync/export.ts'
import { parseCommand } from '../system/cli.ts'

parseCommand({ usage: 'Usage: npm run export' })

const payload = await openCms()
const started = performance.now()
try {
  const { counts, warnings } = await exportContent(payload, contentDir)
  for (const w of warnings) console.warn(`warning: ${w}`)
  console.log(
    `Exported ${Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')} in ${Math.round(performance.now() - started)} ms`,
  )
} catch (e) {
  // content/ is only replaced after the new files validate, so a failure leaves it as it was.
  console.error(e instanceof ContentError ? `${e.message}\ncontent/ was left as it was.` : e)
  process.exitCode = 1
} finally {
  await closeCms(payload)
}
process.exit()
