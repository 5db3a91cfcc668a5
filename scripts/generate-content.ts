/** npm run generate:content -- <target-folder> [activities=5000]: a large content set for benchmarks. */
import path from 'node:path'
import { generateContent } from '../content/generate.ts'
import { integer, parseCommand } from '../system/cli.ts'

const { positionals, fail } = parseCommand({ usage: 'Usage: npm run generate:content -- <target-folder> [<activities>]', positionals: { min: 1, max: 2 } })
const [target] = positionals as [string]
const n = integer(fail, 'activities', positionals[1] ?? '5000')
await generateContent(path.resolve('content'), path.resolve(target), n)
console.log(`Wrote the demo content plus ${n} generated activities to ${target}`)
