/**
 * A throwaway PostgreSQL server on a loopback port, for tests and benchmarks: its own cluster in a
 * temporary folder, trust authentication, removed on stop. Production uses a real server given
 * by DATABASE_URL instead.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { postgresBinDir } from '../system/packages.ts'
import { alive } from '../system/processes.ts'

export interface LocalPostgres {
  port: number
  /** A URL for a fresh, empty database of the given name (created on call). */
  createDatabase(name: string): string
  stop(): void
}

export function startLocalPostgres(port = 54329): LocalPostgres {
  const bin = postgresBinDir()
  if (!bin) throw new Error('PostgreSQL is not installed. Run: npx tsx scripts/system-deps.ts postgres')
  // PostgreSQL refuses to run as root; as root, run it as the Debian `postgres` user.
  const asRoot = process.getuid?.() === 0
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['-u', 'postgres', '--', path.join(bin, cmd), ...args] : args
    const exe = asRoot ? 'runuser' : path.join(bin, cmd)
    const r = spawnSync(exe, full, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`)
    return r.stdout
  }
  // pg_ctl starts a daemon, which outlives a test run that was killed and keeps its port, so the
  // next run could not start: stop the servers whose owning process is gone.
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith('modersmal-pg-'))) {
    const old = path.join(tmpdir(), name)
    const owner = Number(existsSync(path.join(old, 'owner')) ? readFileSync(path.join(old, 'owner'), 'utf8') : 0)
    if (!owner || alive(owner)) continue
    try {
      if (existsSync(path.join(old, 'data', 'postmaster.pid'))) run('pg_ctl', ['-D', path.join(old, 'data'), '-m', 'immediate', '-w', 'stop'])
    } catch {
      // already stopped
    }
    rmSync(old, { recursive: true, force: true })
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'modersmal-pg-'))
  const dataDir = path.join(dir, 'data')
  writeFileSync(path.join(dir, 'owner'), String(process.pid))
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
  }
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8'])
  run('pg_ctl', [
    '-D',
    dataDir,
    '-w',
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    'start',
  ])
  const psql = (sql: string) => run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql])
  return {
    port,
    createDatabase(name) {
      psql(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      psql(`CREATE DATABASE "${name}"`)
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    },
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
