/**
 * `npm start` keeps the admin running: a process that dies is started again, after pauses that
 * grow while it keeps failing; a stop ends it for good. Real child processes, short pauses. Its
 * log is rotated, so a long-running admin cannot fill the disk.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { startLocalPostgres } from '../../cms/local-postgres.ts'
import { logFile } from '../../cms/log-file.ts'
import { supervise, type Supervised } from '../../cms/supervise.ts'

/** A child that lives `ms` milliseconds, then exits with code 3 (0 = until stopped). */
function child(ms: number): Promise<Supervised> {
  const p = spawn(process.execPath, ['-e', ms ? `setTimeout(() => process.exit(3), ${ms})` : 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  return Promise.resolve({
    process: p,
    stop: () =>
      new Promise<void>((resolve) => {
        if (p.exitCode !== null || p.signalCode) return resolve()
        p.once('exit', () => resolve())
        p.kill('SIGTERM')
      }),
  })
}

const until = async (check: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('supervision', () => {
  it('starts a crashed process again, with pauses that double, and logs why', async () => {
    const log: string[] = []
    const starts: number[] = []
    const lives = [50, 50, 50, 0]
    const sup = await supervise({
      start: () => child(lives.shift() ?? 0),
      log: (m) => log.push(m),
      firstDelayMs: 100,
      maxDelayMs: 1000,
      healthyAfterMs: 60_000,
      onStart: () => starts.push(Date.now()),
    })
    await until(() => sup.restarts === 3)
    expect(log.filter((m) => m.startsWith('stopped'))).toEqual([
      'stopped (exit code 3); starting it again in 100 ms',
      'stopped (exit code 3); starting it again in 200 ms',
      'stopped (exit code 3); starting it again in 400 ms',
    ])
    // A timer never fires early: each start came at least its pause after the one before.
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!)
    expect(gaps.map((g, i) => g >= [100, 200, 400][i]!)).toEqual([true, true, true])
    expect(sup.current.process.exitCode).toBeNull()
    await sup.stop()
    expect(sup.current.process.signalCode).toBe('SIGTERM')
  })

  it('does not start it again after a stop', async () => {
    const log: string[] = []
    const sup = await supervise({ start: () => child(0), log: (m) => log.push(m), firstDelayMs: 50 })
    await sup.stop()
    await new Promise((r) => setTimeout(r, 200))
    expect(sup.restarts).toBe(0)
    expect(log).toEqual([])
  })

  it('keeps trying when a start fails, saying why', async () => {
    const log: string[] = []
    let attempts = 0
    const sup = await supervise({
      start: () => (++attempts === 1 ? child(30) : attempts === 2 ? Promise.reject(new Error('Port 3000 is in use\nmore')) : child(0)),
      log: (m) => log.push(m),
      firstDelayMs: 50,
    })
    await until(() => sup.restarts === 1)
    expect(log).toContain('could not be started: Port 3000 is in use; trying again in 100 ms')
    await sup.stop()
  })
})

describe("the admin's log file", () => {
  it('is rotated at its size, keeps the newest files only, and only its owner may read them', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'modersmal-logs-')), 'logs')
    try {
      const log = logFile(dir, 'admin.log', { size: '1K', keep: 2 })
      for (let i = 0; i < 40; i++) await new Promise<void>((resolve, reject) => log.write(`line ${i} ${'x'.repeat(200)}\n`, (e) => (e ? reject(e) : resolve())))
      await new Promise<void>((resolve) => log.end(resolve))
      expect(readdirSync(dir).sort()).toEqual(['admin.log', 'admin.log.1', 'admin.log.2'])
      // The newest lines are kept (a file is rotated once full, so they may be in admin.log.1); the oldest are gone.
      expect(['admin.log', 'admin.log.1'].map((f) => readFileSync(path.join(dir, f), 'utf8')).join('')).toContain('line 39 ')
      expect(
        readdirSync(dir)
          .map((f) => readFileSync(path.join(dir, f), 'utf8'))
          .join(''),
      ).not.toContain('line 0 ')
      for (const f of readdirSync(dir)) expect(statSync(path.join(dir, f)).mode & 0o777).toBe(0o600)
      expect(statSync(dir).mode & 0o777).toBe(0o700)
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true })
    }
  })
})

describe('a throwaway PostgreSQL server', () => {
  it('left running by a killed test run is stopped by the next, which gets its port', async () => {
    const port = 54371
    const root = path.resolve(import.meta.dirname, '../..')
    const run = spawn(process.execPath, ['--import', 'tsx', '-e', `import('./cms/local-postgres.ts').then((m) => { m.startLocalPostgres(${port}); console.log('up'); setInterval(() => {}, 1000) })`], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((resolve, reject) => {
      run.stdout!.on('data', (d) => String(d).includes('up') && resolve())
      run.once('exit', (code) => reject(new Error(`exited with ${code}`)))
    })
    run.kill('SIGKILL')
    await new Promise((r) => run.once('exit', r))
    const pg = startLocalPostgres(port)
    try {
      expect(pg.createDatabase('after_a_killed_run')).toBe(`postgres://postgres@127.0.0.1:${port}/after_a_killed_run`)
    } finally {
      pg.stop()
    }
  })
})
