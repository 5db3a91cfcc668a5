/**
 * Builds the Next admin when its inputs changed (a build takes about a minute) and starts it.
 * Used by `npm start` and by the browser tests, so both run the same production server.
 */
import { spawnSync, type ChildProcess } from 'node:child_process'
import { spawnOwned } from './children.ts'
import { createHash } from 'node:crypto'
import { createServer } from 'node:net'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { adminOrigins } from './admin-origins.ts'
import { maxImageBytes } from './collections/Media/index.ts'
import { maxVideoBytes } from './collections/Videos/index.ts'
import { defaultBodyLimits, startGate } from './gate.ts'
import { logFile } from './log-file.ts'
import { supervise, type Supervisor } from './supervise.ts'
import { filesReached } from './import-graph.ts'
import { withLockSync } from './lock.ts'
import { repoRoot } from './paths.ts'

const nextBin = path.join(repoRoot, 'node_modules', '.bin', 'next')
const nextScript = path.join(repoRoot, 'node_modules', 'next', 'dist', 'bin', 'next')
const stampFile = path.join(repoRoot, 'cms', '.next', 'modersmal-source-hash')
const lockFile = path.join(repoRoot, 'cms', '.next-build.lock')

/**
 * Everything the admin bundle is built from, derived from its imports: esbuild follows them from
 * the Next app and the Payload config (packages left out; the lock file stands for them), so a
 * change anywhere the admin reaches (the URL scheme, the content schema, a UI string) rebuilds it.
 */
export function adminSources(): string[] {
  const cms = path.join(repoRoot, 'cms')
  const entryPoints = [
    ...readdirSync(path.join(cms, 'app'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(tsx?|jsx?|mjs)$/.test(f))
      .map((f) => path.join(cms, 'app', f)),
    path.join(cms, 'payload.config.ts'),
    path.join(cms, 'next.config.mjs'),
  ]
  const inputs = filesReached(entryPoints, { tsconfig: path.join(cms, 'tsconfig.json') })
  return [...new Set([...inputs, path.join(cms, 'tsconfig.json'), path.join(repoRoot, 'tsconfig.json'), path.join(repoRoot, 'package-lock.json')])].sort()
}

function sourceHash(): string {
  const h = createHash('sha256')
  for (const file of adminSources()) h.update(path.relative(repoRoot, file)).update(readFileSync(file))
  return h.digest('hex')
}

type Env = Record<string, string | undefined>

export function adminEnv(extra: Env = {}): NodeJS.ProcessEnv {
  return { ...process.env, MODERSMAL_ROOT: repoRoot, NEXT_TELEMETRY_DISABLED: '1', ...extra, NODE_ENV: 'production' }
}

/** Returns true when it had to build. */
export function ensureAdminBuilt(log: (m: string) => void = console.log): boolean {
  // One build at a time across processes (two test runs, `npm start` beside the tests): a second
  // caller waits for the first, then finds the build current.
  return withLockSync(
    lockFile,
    () => {
      const hash = sourceHash()
      if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return false
      log('Building the admin (about a minute) …')
      // The build evaluates the config; a throwaway secret is enough for that.
      const r = spawnSync(nextBin, ['build', 'cms'], { cwd: repoRoot, env: adminEnv({ PAYLOAD_SECRET: 'build-time-only' }), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
      if (r.status !== 0) throw new Error(`The admin build failed:\n${r.stdout}\n${r.stderr}`)
      writeFileSync(stampFile, hash)
      return true
    },
    { what: 'the admin build' },
  )
}

export interface AdminServer {
  url: string
  process: ChildProcess
  stop(): Promise<void>
}

/** `log` receives everything the admin writes (npm start: data/logs/admin.log); it outlives restarts. */
export async function startAdmin(opts: { port: number; host?: string; env: Env; log?: NodeJS.WritableStream }): Promise<AdminServer> {
  const host = opts.host ?? '127.0.0.1'
  // Another server on the port (an admin left over from a killed run) would answer in its place.
  await probePort(opts.port, host).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`Port ${opts.port} is in use${e.code === 'EADDRINUSE' ? ' (an admin left running?)' : ''}: ${e.message}`)
  })
  // The admin process deletes referrals on schedule (cms/collections/Referrals/retention.ts).
  const env = adminEnv({ MODERSMAL_RETENTION: '1', MODERSMAL_ADMIN_ORIGINS: adminOrigins(host, opts.port, opts.env.CMS_PUBLIC_URL ?? process.env.CMS_PUBLIC_URL).join(','), ...opts.env })
  // Next listens inside, on a port of its own; the gate (cms/gate.ts) takes the public one.
  const inside = { host: '127.0.0.1', port: await probePort(0, '127.0.0.1') }
  const child = spawnOwned([], nextScript, ['start', 'cms', '-p', String(inside.port), '-H', inside.host], { cwd: repoRoot, env })
  if (opts.log) {
    child.stdout?.pipe(opts.log, { end: false })
    child.stderr?.pipe(opts.log, { end: false })
  } else child.stdout?.resume()
  let stderr = ''
  // Only for the message should it exit while starting; the end is what says why.
  child.stderr?.on('data', (d) => (stderr = (stderr + String(d)).slice(-8000)))
  const until = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The admin server exited (${child.exitCode}):\n${stderr}`)
    try {
      const res = await fetch(`http://${inside.host}:${inside.port}/admin/login`)
      if (res.status < 500) break
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill('SIGTERM')
      throw new Error(`The admin did not answer within 60 s:\n${stderr}`)
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  const gate = await startGate({
    host,
    port: opts.port,
    upstream: inside,
    trustProxy: env.MODERSMAL_TRUST_PROXY === '1',
    limits: { uploads: { media: maxImageBytes, videos: maxVideoBytes }, ...defaultBodyLimits },
    log: (m) => opts.log?.write(`${new Date().toISOString()} Gate: ${m}\n`),
  }).catch((e: Error) => {
    child.kill('SIGTERM')
    throw e
  })
  // The gate belongs to this admin: when it ends (a crash, a stop), the public port is free again.
  child.once('exit', () => void gate.close())
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${opts.port}`,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return void gate.close().then(resolve)
        child.once('exit', () => void gate.close().then(resolve))
        child.kill('SIGTERM')
      }),
  }
}

/** Listens on the port for a moment and lets go: the port that was free (0: any free one), or the error. */
export function probePort(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(port, host, () => {
      const { port: bound } = probe.address() as { port: number }
      probe.close(() => resolve(bound))
    })
  })
}

/**
 * The admin as `npm start` runs it: started again whenever it dies (cms/supervise.ts), its output
 * and every restart kept in <logDir>/admin.log.
 */
export function runAdmin(opts: { port: number; host?: string; env: Env; logDir: string; say(message: string): void }): Promise<Supervisor<AdminServer>> {
  const log = logFile(opts.logDir, 'admin.log')
  return supervise({
    start: () => startAdmin({ port: opts.port, host: opts.host, env: opts.env, log }),
    log: (m) => {
      opts.say(`Admin: ${m}`)
      log.write(`${new Date().toISOString()} Admin: ${m}\n`)
    },
  })
}
