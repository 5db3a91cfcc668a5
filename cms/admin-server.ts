/**
 * Builds the Next admin when its inputs changed (a build takes about a minute) and starts it.
 * Used by `npm start` and by the browser tests, so both run the same production server.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createServer } from 'node:net'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from './paths.ts'

const nextBin = path.join(repoRoot, 'node_modules', '.bin', 'next')
const stampFile = path.join(repoRoot, 'cms', '.next', 'modersmal-source-hash')
const lockFile = path.join(repoRoot, 'cms', '.next-build.lock')

/** Everything the admin bundle is built from. */
function sourceHash(): string {
  const h = createHash('sha256')
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      // The build lock lives here too, holding its owner's pid: hashing it made every process see
      // a "changed" admin and rebuild it under a running server.
      if (name === '.next' || name === 'node_modules' || name === 'next-env.d.ts' || name === path.basename(lockFile)) continue
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else h.update(path.relative(repoRoot, full)).update(readFileSync(full))
    }
  }
  for (const dir of ['cms', 'locales', 'content/schema']) walk(path.join(repoRoot, dir))
  // The content modules the admin imports (not the content itself).
  for (const name of readdirSync(path.join(repoRoot, 'content')).filter((n) => n.endsWith('.ts')).sort())
    h.update(name).update(readFileSync(path.join(repoRoot, 'content', name)))
  h.update(readFileSync(path.join(repoRoot, 'package-lock.json')))
  return h.digest('hex')
}

type Env = Record<string, string | undefined>

export function adminEnv(extra: Env = {}): NodeJS.ProcessEnv {
  return { ...process.env, MODERSMAL_ROOT: repoRoot, NEXT_TELEMETRY_DISABLED: '1', ...extra, NODE_ENV: 'production' }
}

/** Whether a process with this id is alive. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * One build at a time across processes (two test runs, `npm start` beside the tests): a second
 * caller waits for the first, then finds the build current.
 */
function withBuildLock<T>(fn: () => T): T {
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' })
      break
    } catch {
      const holder = Number(readFileSync(lockFile, 'utf8').trim() || 0)
      if (!holder || !alive(holder)) rmSync(lockFile, { force: true })
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000)
    }
  }
  try {
    return fn()
  } finally {
    rmSync(lockFile, { force: true })
  }
}

/** Returns true when it had to build. */
export function ensureAdminBuilt(log: (m: string) => void = console.log): boolean {
  return withBuildLock(() => {
    const hash = sourceHash()
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return false
    log('Building the admin (about a minute) …')
    // The build evaluates the config; a throwaway secret is enough for that.
    const r = spawnSync(nextBin, ['build', 'cms'], { cwd: repoRoot, env: adminEnv({ PAYLOAD_SECRET: 'build-time-only' }), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`The admin build failed:\n${r.stdout}\n${r.stderr}`)
    writeFileSync(stampFile, hash)
    return true
  })
}

export interface AdminServer {
  url: string
  process: ChildProcess
  stop(): Promise<void>
}

export async function startAdmin(opts: { port: number; host?: string; env: Env }): Promise<AdminServer> {
  const host = opts.host ?? '127.0.0.1'
  // Another server on the port (an admin left over from a killed run) would answer in its place.
  await new Promise<void>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', (e: NodeJS.ErrnoException) => reject(new Error(`Port ${opts.port} is in use${e.code === 'EADDRINUSE' ? ' (an admin left running?)' : ''}: ${e.message}`)))
    probe.listen(opts.port, host, () => probe.close(() => resolve()))
  })
  const child = spawn(nextBin, ['start', 'cms', '-p', String(opts.port), '-H', host], { cwd: repoRoot, env: adminEnv(opts.env), stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += String(d)))
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${opts.port}`
  const until = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The admin server exited (${child.exitCode}):\n${stderr}`)
    try {
      const res = await fetch(`${url}/admin/login`)
      if (res.status < 500) break
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`The admin did not answer within 60 s:\n${stderr}`)
    await new Promise((r) => setTimeout(r, 300))
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
