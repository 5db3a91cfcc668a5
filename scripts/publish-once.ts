/**
 * One publish in its own process (the publisher runs it; cms/publish/publishOnce.ts does the work).
 * Prints one line of JSON with the figures. What goes to stderr is what the editors read in the
 * admin's publish status: a machine's fault (a full disk …) in words, not a stack.
 */
import { publishOnce } from '../cms/publish/publishOnce.ts'
import { parseCommand } from '../system/cli.ts'
import { machineFault } from '../system/machine-faults.ts'

const { preview } = parseCommand({ usage: 'Usage: tsx scripts/publish-once.ts [--preview] (the publisher runs it)', options: { preview: { type: 'boolean', default: false } } }).values
const then = {
  'disk-full': 'make room on it, then publish again',
  'read-only': 'make the folder writable, then publish again',
  'database-busy': 'the next save tries again',
} as const
try {
  const { ms, pages } = await publishOnce({ preview })
  console.log(JSON.stringify({ ms, pages }))
  process.exit(0)
} catch (e) {
  const fault = machineFault(e)
  if (!fault) throw e
  console.error(`${fault.what}. ${preview ? 'The preview is unchanged' : 'The live site is unchanged'}; ${then[fault.kind]}.`)
  process.exit(1)
}
