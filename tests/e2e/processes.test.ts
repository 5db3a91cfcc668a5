/**
 * The processes npm start starts end with it, however it ends: an admin left running held its
 * port, so the next start failed; a publish left running could still swap in a site. The kill
 * comes while the publish is starting up, when its own event loop is least able to notice.
 * And the admin that dies on its own is started again, its log kept.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAdmin } from '../../cms/admin-server.ts'
import { closeCms, openCms } from '../../cms/boot.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { copyOfContent } from '../support/content.ts'

const root = path.resolve(import.meta.dirname, '../..')
/** Running, not merely exited and waiting to be reaped (a zombie still answers kill 0). */
const alive = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] !== 'Z'
  } catch {
    return false
  }
}

describe('children of npm start', () => {
  let dataDir: string
  let contentDir: string
  let env: Record<string, string>

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'modersmal-children-'))
    contentDir = await copyOfContent()
    const url = `file:${path.join(dataDir, 'cms.db')}`
    const payload = await openCms({ database: { url }, dataDir, secret: 'children-secret', key: 'children' })
    await seedContent(payload, contentDir)
    await closeCms(payload)
    env = {
      DATABASE_URL: url,
      MODERSMAL_DATA_DIR: dataDir,
      MODERSMAL_CONTENT_DIR: contentDir,
      MODERSMAL_DIST_DIR: path.join(dataDir, 'dist'),
      MODERSMAL_PUBLISH_STATUS: path.join(dataDir, 'publish-status.json'),
      PAYLOAD_SECRET: 'children-secret',
    }
  })
  afterAll(() => {
    for (const dir of [dataDir, contentDir]) if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('the admin, a running publish and one with a blocked main thread end when their parent is killed with SIGKILL', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/support/parent-of-children.ts')], {
      cwd: root,
      env: { ...process.env, CHILD_ENV: JSON.stringify(env), ADMIN_PORT: '3931' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const ready = await new Promise<{ admin: string }>((resolve, reject) => {
      let out = ''
      parent.stdout!.on('data', (d) => {
        out += String(d)
        const line = out.split('\n').find((l) => l.startsWith('{'))
        if (line) resolve(JSON.parse(line) as { admin: string })
      })
      parent.once('exit', (code) => reject(new Error(`the parent exited (${code}) before it was ready:\n${out}`)))
    })
    const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent.pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => ({ pid: Number(l.trim().split(/\s+/)[0]), args: l.trim() }))
    expect(children.map((c) => c.args).join('\n')).toMatch(/next/)
    expect(children.map((c) => c.args).join('\n')).toMatch(/publish-once/)
    expect(children.map((c) => c.args).join('\n')).toMatch(/blocked-publish/)
    expect((await fetch(`${ready.admin}/admin/login`)).status).toBeLessThan(500)

    parent.kill('SIGKILL')
    const end = Date.now() + 20_000
    while (children.some((c) => alive(c.pid)) && Date.now() < end) await new Promise((r) => setTimeout(r, 100))
    expect(children.filter((c) => alive(c.pid)).map((c) => c.args)).toEqual([])
    await expect(fetch(`${ready.admin}/admin/login`)).rejects.toThrow()
  })

  it('an admin that dies is started again on its port, and its log says so', async () => {
    const logDir = path.join(dataDir, 'logs')
    const said: string[] = []
    const admin = await runAdmin({ port: 3932, env, logDir, say: (m) => said.push(m) })
    try {
      const first = admin.current
      first.process.kill('SIGKILL')
      const end = Date.now() + 120_000
      while (admin.current === first && Date.now() < end) await new Promise((r) => setTimeout(r, 200))
      expect(admin.restarts).toBe(1)
      expect(admin.current.process.pid).not.toBe(first.process.pid)
      expect((await fetch(`${admin.current.url}/admin/login`)).status).toBeLessThan(500)
      expect(said).toEqual(['Admin: stopped (SIGKILL); starting it again in 1 s', 'Admin: running again (restart 1)'])
      const log = readFileSync(path.join(logDir, 'admin.log'), 'utf8')
      expect(log).toMatch(/Admin: stopped \(SIGKILL\); starting it again in 1 s/)
      // Next's own start-up lines, twice: the output of both runs is kept.
      expect(log.match(/Ready in/g)?.length).toBe(2)
      expect(statSync(path.join(logDir, 'admin.log')).mode & 0o777).toBe(0o600)
    } finally {
      await admin.stop()
    }
  })
})
