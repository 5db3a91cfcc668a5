/**
 * Every command refuses what it does not understand, before doing any work: a mistyped flag used
 * to be ignored (`--only sqlit` ran every benchmark). Exit code 2 and the usage, as CLIs do.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
/** Each command in its own process, several at once: most of the time is loading their modules. */
const run = (script: string, ...args: string[]) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const env = { ...process.env, MODERSMAL_DATA_DIR: path.join(root, 'tmp', 'cli-test-data') }
    const child = execFile(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], { cwd: root, encoding: 'utf8', env }, (_e, out, err) => resolve({ code: child.exitCode, out, err }))
  })

describe('command-line arguments', () => {
  it.concurrent.for<[string, string[], RegExp]>([
    ['bench/run.ts', ['--only', 'sqlit'], /--only must be one of sqlite, postgres, site, catalogue, leaflets, xliff, publish, films, not "sqlit"/],
    ['bench/run.ts', ['--activities', 'many'], /--activities must be a whole number from 1, not "many"/],
    ['scripts/seed.ts', ['--force'], /Unknown option '--force'/],
    ['scripts/xliff-import.ts', [], /Missing argument/],
    ['scripts/xliff-import.ts', ['a.xlf', '--status', 'maybe'], /--status must be one of reviewed, machine, not "maybe"/],
    ['scripts/xliff-export.ts', [], /--locale is required/],
    ['scripts/qr-pack.ts', ['--size-mm', '5'], /--size-mm must be a whole number from 20 to 200, not "5"/],
    ['scripts/check-content.ts', ['content', 'more'], /Unexpected argument: more/],
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
