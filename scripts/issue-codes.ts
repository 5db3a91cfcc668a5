/** npm run codes:issue: gives every municipality a short code in every language that lacks one. */
import { appendCodes, missingCodes } from '../content/codes.ts'
import { ContentError, loadContent } from '../content/load.ts'
import { contentDir } from '../cms/paths.ts'
import { parseCommand } from '../system/cli.ts'

parseCommand({ usage: 'Usage: npm run codes:issue' })

try {
  const set = await loadContent(contentDir)
  const today = new Date().toISOString().slice(0, 10)
  const added = missingCodes(set, today)
  await appendCodes(contentDir, added)
  console.log(added.length ? `Issued ${added.length} codes: ${added.map((c) => c.code).join(', ')}` : 'Every municipality has a code in every language.')
} catch (e) {
  if (e instanceof ContentError) {
    console.error(e.message)
    process.exit(1)
  }
  throw e
}
