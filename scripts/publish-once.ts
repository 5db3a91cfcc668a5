/**
 * One publish in its own process (the publisher runs it; cms/publish/publishOnce.ts does the work).
 * Prints one line of JSON with the figures.
 */
import { publishOnce } from '../cms/publish/publishOnce.ts'
import { parseCommand } from '../system/cli.ts'

const { preview } = parseCommand({ usage: 'Usage: tsx scripts/publish-once.ts [--preview] (the publisher runs it)', options: { preview: { type: 'boolean', default: false } } }).values
const { ms, pages } = await publishOnce({ preview })
console.log(JSON.stringify({ ms, pages }))
process.exit(0)
