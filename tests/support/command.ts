/** Runs one of our commands (scripts/…) in its own Node process, as an operator or the publisher would. */
import { execFile } from 'node:child_process'
import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '../..')

export interface Ran {
  code: number | null
  /** The signal that ended it (SIGKILL at a crash point), or null. */
  signal: NodeJS.Signals | null
  pid: number
  out: string
  err: string
}

export const runCommand = (script: string, args: string[], env: Record<string, string>): Promise<Ran> =>
  new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, script), ...args],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (_e, out, err) => resolve({ code: child.exitCode, signal: child.signalCode, pid: child.pid!, out, err }),
    )
  })
