/**
 * Regenerates Payload's types for our collections (cms/payload-types.ts, committed):
 *   npm run cms:types            after a change to a collection
 *   npm run cms:types -- --check exits 1 when the committed file is out of date
 */
import { generatedTypesCurrent, generatedTypesFile, writeGeneratedTypes } from '../cms/generated-types.ts'
import { parseCommand } from '../system/cli.ts'

const { check } = parseCommand({ usage: 'Usage: npm run cms:types [-- --check]', options: { check: { type: 'boolean', default: false } } }).values
if (check) {
  if (!(await generatedTypesCurrent())) {
    console.error(`${generatedTypesFile} is out of date: run npm run cms:types and commit it.`)
    process.exit(1)
  }
  console.log('Payload types are current.')
} else {
  await writeGeneratedTypes()
  console.log(`Wrote ${generatedTypesFile}`)
}
process.exit(0)
