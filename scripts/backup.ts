/**
 * npm run backup [-- --out <file>]: one archive of the database and the uploads, taken while the
 * admin runs (cms/backup/). By default backups/modersmal-<time>.tar.gz; keep copies elsewhere.
 */
import path from 'node:path'
import { backup } from '../cms/backup/backup.ts'
import { dataDir, repoRoot } from '../cms/paths.ts'
import { parseCommand } from '../system/cli.ts'

const { values } = parseCommand({
  usage: 'Usage: npm run backup [-- --out <file.tar.gz>] (the database of DATABASE_URL, or data/cms.db, and the uploads in data/)',
  options: { out: { type: 'string' } },
})
const out = values.out ?? path.join(repoRoot, 'backups', `modersmal-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`)
const started = performance.now()
try {
  const { archive, manifest } = await backup({ databaseUrl: process.env.DATABASE_URL, dataDir, out })
  const uploads = manifest.uploadsInBucket
    ? `no uploaded files (they are in the S3 bucket ${manifest.uploadsInBucket}; back it up where it lives)`
    : `${Object.keys(manifest.files).filter((f) => f.startsWith('uploads/')).length} uploaded files`
  console.log(`Backed up the ${manifest.database} database and ${uploads} to ${archive} in ${Math.round(performance.now() - started)} ms`)
} catch (e) {
  console.error(`The backup failed; no archive was written: ${(e as Error).message}`)
  process.exitCode = 1
}
