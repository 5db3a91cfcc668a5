/**
 * npm run restore -- <archive>: loads a backup into an empty data folder (data/, or
 * MODERSMAL_DATA_DIR) and an empty database (DATABASE_URL); never over existing data.
 */
import { restore, RestoreRefused } from '../cms/backup/restore.ts'
import { dataDir } from '../cms/paths.ts'
import { parseCommand } from '../system/cli.ts'

const { positionals } = parseCommand({
  usage: 'Usage: npm run restore -- <archive.tar.gz> (into an empty data folder and an empty DATABASE_URL database)',
  positionals: { min: 1, max: 1 },
})
try {
  const manifest = await restore({ archive: positionals[0]!, databaseUrl: process.env.DATABASE_URL, dataDir })
  console.log(`Restored the backup of ${manifest.createdAt} (${manifest.database}, last migration ${manifest.migration}). Start with npm start.`)
} catch (e) {
  console.error(e instanceof RestoreRefused ? e.message : `The restore failed: ${(e as Error).message}`)
  process.exitCode = 1
}
