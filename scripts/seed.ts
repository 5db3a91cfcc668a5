/** npm run seed: loads content/ into the (empty) CMS database. */
import { closeCms, openCms } from '../cms/boot.ts'
import { contentDir } from '../cms/paths.ts'
import { ContentError } from '../content/load.ts'
import { DatabaseNotEmptyError, seedContent } from '../cms/sync/seed.ts'
import { parseCommand } from '../system/cli.ts'

parseCommand({ usage: 'Usage: npm run seed' })

// All or nothing: a seed or import killed mid-way leaves the database as it was.
const payload = await openCms({ database: { transactions: true } })
const started = performance.now()
try {
  const { counts, writes } = await seedContent(payload, contentDir)
  const ms = Math.round(performance.now() - started)
  console.log(
    `Seeded ${Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')} (${writes} writes) in ${ms} ms`,
  )
} catch (e) {
  // Known problems get their message alone; anything else its stack. Nothing was written either way.
  console.error(e instanceof ContentError || e instanceof DatabaseNotEmptyError ? e.message : e)
  process.exitCode = 1
} finally {
  await closeCms(payload)
}
process.exit()
