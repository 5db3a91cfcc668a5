/** Validates content/ (or the folder given) and prints every problem; exit 1 if any. */
import path from 'node:path'
import { ContentError, loadContent } from '../content/load.ts'
import { contentKinds } from '../content/collections.ts'
import { parseCommand } from '../system/cli.ts'

const { positionals } = parseCommand({ usage: 'Usage: npx tsx scripts/check-content.ts [<content-folder>]', positionals: { max: 1 } })
const root = path.resolve(positionals[0] ?? 'content')
try {
  const set = await loadContent(root)
  console.log(`content OK: ${contentKinds.map((k) => `${set[k].length} ${k}`).join(', ')}, ${set.codes.length} short codes`)
} catch (e) {
  if (e instanceof ContentError) {
    console.error(e.message)
    process.exit(1)
  }
  throw e
}
