/**
 * Every command refuses what it does not understand, before doing any work: a mistyped flag used
 * to be ignored (`--only sqlit` ran every benchmark). Exit code 2 and the usage, as CLIs do.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { closeCms, openCms } from '../../cms/boot.ts'
import { runCommand } from '../support/command.ts'

const root = path.resolve(import.meta.dirname, '../..')
/** Each command in its own process, several at once: most of the time is loading their modules. */
const run = (script: string, ...args: string[]) => runIn(path.join(root, 'tmp', 'cli-test-data'), script, ...args)
const runIn = (dataDir: string, script: string, ...args: string[]) => runCommand(script, args, { MODERSMAL_DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, 'cms.db')}` })

describe('command-line arguments', () => {
  it.concurrent.for<[string, string[], RegExp]>([
    ['bench/run.ts', ['--only', 'sqlit'], /--only must be one of sqlite, postgres, site, catalogue, leaflets, xliff, publish, films, referrals, not "sqlit"/],
    ['bench/run.ts', ['--activities', 'many'], /--activities must be a whole number from 1, not "many"/],
    ['scripts/seed.ts', ['--force'], /Unknown option '--force'/],
    ['scripts/xliff-import.ts', [], /Missing argument/],
    ['scripts/xliff-import.ts', ['a.xlf', '--status', 'maybe'], /--status must be one of reviewed, machine, not "maybe"/],
    ['scripts/xliff-export.ts', [], /--locale is required/],
    ['scripts/qr-pack.ts', ['--size-mm', '5'], /--size-mm must be a whole number from 20 to 200, not "5"/],
    ['scripts/check-content.ts', ['content', 'more'], /Unexpected argument: more/],
    ['scripts/cms-types.ts', ['--chek'], /Unknown option '--chek'/],
  ])('%s %j is refused with the reason and the usage, exit code 2', async ([script, args, reason], { expect }) => {
    const { code, err } = await run(script, ...args)
    expect(err).toMatch(reason)
    expect(err).toMatch(/Usage: /)
    expect(code).toBe(2)
  })

  it('prints the usage for --help and does nothing else', async () => {
    const { code, out } = await run('scripts/generate-content.ts', '--help')
    expect(out.trim()).toBe('Usage: npm run generate:content -- <target-folder> [<activities>]')
    expect(code).toBe(0)
  })
})

describe('npm run backup and npm run restore', () => {
  it('back up a data folder, restore it into an empty one, and refuse to restore over it', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'modersmal-cli-backup-'))
    try {
      const from = path.join(work, 'data')
      const payload = await openCms({ database: { url: `file:${path.join(from, 'cms.db')}` }, dataDir: from, key: `cli_backup_${process.pid}`, secret: 'cli' })
      await payload.create({ collection: 'users', overrideAccess: true, data: { email: 'admin@example.org', password: 'test-password-1', role: 'admin' } })
      await closeCms(payload)
      const archive = path.join(work, 'backup.tar.gz')
      const made = await runIn(from, 'scripts/backup.ts', '--out', archive)
      expect(made.err).toBe('')
      expect(made.out).toMatch(/^Backed up the sqlite database and 0 uploaded files to .*backup\.tar\.gz in \d+ ms/)
      expect(statSync(archive).mode & 0o777).toBe(0o600)
      const to = path.join(work, 'restored')
      const restored = await runIn(to, 'scripts/restore.ts', archive)
      expect(restored.out).toMatch(/^Restored the backup of .* \(sqlite, last migration \d+_\d+_\w+\)\. Start with npm start\./)
      expect(existsSync(path.join(to, 'cms.db'))).toBe(true)
      const again = await runIn(to, 'scripts/restore.ts', archive)
      expect(again.err).toMatch(/A restore goes into an empty data folder and database only; nothing was restored/)
      expect(again.code).toBe(1)
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })
})
