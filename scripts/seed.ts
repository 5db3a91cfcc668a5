/** npm run seed: loads content/ into the (empty) CMS database. */
import { closeCms, openCms } from '../cms/boot.ts'
import { contentDir } from '../cms/paths.ts'
import { ContentError } from '../content/load.ts'
import { DatabaseNotEmptyError, seedContent } from '../cms/sync/seed.ts'

const payload = await openCms()
const started = performance.now()
try {
  const { counts, writes } = await seedContent(payload, contentDir)
  const ms = Math.round(performance.now() - started)
  console.log(`Seeded ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')} (${writes} writes) in ${ms} ms`)
} catch (e) {
  if (e instanceof ContentError || e instanceof DatabaseNotEmptyError) {
    console.error(e.message)
    process.exitCode = 1
  } else throw e
} finally {
  await closeCms(payload)
}
