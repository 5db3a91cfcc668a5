/** npm run generate:content -- <target-folder> [activities=5000]: a large content set for benchmarks. */
import path from 'node:path'
import { generateContent } from '../content/generate.ts'

const target = process.argv[2]
if (!target) {
  console.error('Usage: npm run generate:content -- <target-folder> [activities]')
  process.exit(1)
}
const n = Number(process.argv[3] ?? 5000)
await generateContent(path.resolve('content'), path.resolve(target), n)
console.log(`Wrote the demo content plus ${n} generated activities to ${target}`)
