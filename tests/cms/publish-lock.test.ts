/**
 * Several admin servers, one live site: exactly one publish runs at a time, through a lock in the
 * database (cms/publish/publishLock.ts), and every admin shows the same last publish
 * (cms/publish/record.ts). The "servers" here are separate processes, as they would be on separate
 * machines; one is killed while it holds the lock, as a crashed server would be.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sqliteFile } from '../../cms/database.ts'
import { publishLockHeld } from '../../cms/publish/publishLock.ts'
import { combinedStatus, readRecord, writeRecord } from '../../cms/publish/record.ts'
import { createStaff, databases, startTestCms, type TestCms } from '../support/cms.ts'

const root = path.resolve(import.meta.dirname, '../..')
const fixture = path.join(root, 'tests/support/fixtures/hold-publish-lock.ts')

interface Holder {
  proc: ChildProcess
  lines: string[]
  /** Resolves with the first line starting with the word. */
  said(word: string): Promise<string>
  ended: Promise<number | null>
}

function holder(url: string, hold: number | 'forever' | 'stdin'): Holder {
  const proc = spawn(process.execPath, ['--import', 'tsx', fixture, url, String(hold)], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] })
  const lines: string[] = []
  const listeners: Array<() => void> = []
  let rest = ''
  proc.stdout!.on('data', (d) => {
    const parts = (rest + String(d)).split('\n')
    rest = parts.pop()!
    lines.push(...parts)
    for (const l of listeners) l()
  })
  const ended = new Promise<number | null>((resolve) => proc.on('close', resolve))
  const said = (word: string) =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        const line = lines.find((l) => l.startsWith(word))
        if (line) resolve(line)
      }
      listeners.push(look)
      look()
      void ended.then(() => reject(new Error(`the holder ended without saying "${word}": ${lines.join(' | ')}`)))
    })
  return { proc, lines, said, ended }
}

const timeIn = (line: string) => Number(line.split(' ')[1])

describe.each(databases)('one publish at a time across admin servers, on %s', (kind) => {
  let cms: TestCms
  beforeAll(async () => {
    cms = await startTestCms(kind, 'publish-lock')
  })
  afterAll(async () => cms?.close())

  it('servers asking while one publishes wait, then publish one after another, never two at a time', async () => {
    const first = holder(cms.url, 'stdin')
    await first.said('took')
    const others = [holder(cms.url, 300), holder(cms.url, 300)]
    await Promise.all(others.map((h) => h.said('waiting')))
    first.proc.stdin!.end('go\n')
    const all = [first, ...others]
    await Promise.all(all.map((h) => h.ended))
    const spans = all.map((h) => ({ took: timeIn(h.lines.find((l) => l.startsWith('took'))!), released: timeIn(h.lines.find((l) => l.startsWith('released'))!) }))
    spans.sort((a, b) => a.took - b.took)
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.took).toBeGreaterThanOrEqual(spans[i - 1]!.released)
  })

  it('a server killed mid-publish frees the lock for the next at once, and no admin shows it publishing any more', async () => {
    const crashed = holder(cms.url, 'forever')
    await crashed.said('took')
    expect(await publishLockHeld(cms.payload, cms.url)).toBe(true)
    const next = holder(cms.url, 0)
    await next.said('waiting')
    crashed.proc.kill('SIGKILL')
    const killedAt = Date.now()
    // The next publish takes the lock as soon as the dead one's connection (or process) is gone.
    const took = timeIn(await next.said('took'))
    expect(took - killedAt).toBeLessThan(10_000)
    await next.ended
    expect(await publishLockHeld(cms.payload, cms.url)).toBe(false)
  })

  // The lock file of SQLite's publish lock; PostgreSQL's lock lives in the server and leaves nothing behind.
  it.runIf(kind === 'sqlite')('a lock file left without its owner (a taker killed mid-write) is taken over, not waited on for ever', async () => {
    const file = `${sqliteFile(cms.url)}.publish.lock`
    await writeFile(file, '')
    await utimes(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    const next = holder(cms.url, 0)
    await next.said('took')
    await next.ended
    expect(existsSync(file)).toBe(false)
  })

  it('every admin shows the last publish from the database, and a failure only until the next success', async () => {
    const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 12, 0, s)).toISOString()
    const success = (s: number) => ({ at: at(s), startedAt: at(s - 1), seconds: 1, pages: 3110 })
    await writeRecord(cms.payload, { lastSuccess: success(10) })
    // An admin whose own publisher never ran shows the other's publish.
    expect(combinedStatus(null, await readRecord(cms.payload), false)).toEqual({ state: 'idle', lastSuccess: success(10), lastError: undefined })
    // Another server is publishing now: every admin says so.
    expect(combinedStatus(null, await readRecord(cms.payload), true)!.state).toBe('publishing')
    // This server's own older publish and its waiting publisher: the newest publish, and waiting.
    expect(combinedStatus({ state: 'waiting', lastSuccess: success(5) }, await readRecord(cms.payload), false)).toEqual({ state: 'waiting', lastSuccess: success(10), lastError: undefined })
    const failure = { at: at(20), startedAt: at(19), message: 'municipalities/aarhus.yaml: contact.email: must be an e-mail address' }
    await writeRecord(cms.payload, { lastError: failure })
    expect(await readRecord(cms.payload)).toEqual({ lastSuccess: success(10), lastError: failure })
    expect(combinedStatus(null, await readRecord(cms.payload), false)!.lastError).toEqual(failure)
    // A crash only this server's publisher saw (its status file) shows too, as the newer failure.
    const crash = { at: at(25), startedAt: at(24), message: 'The publish was stopped (SIGKILL) before it finished.' }
    expect(combinedStatus({ state: 'idle', lastError: crash }, await readRecord(cms.payload), false)!.lastError).toEqual(crash)
    await writeRecord(cms.payload, { lastSuccess: success(30) })
    expect(await readRecord(cms.payload)).toEqual({ lastSuccess: success(30), lastError: undefined })
    expect(combinedStatus({ state: 'idle', lastError: crash }, await readRecord(cms.payload), false)!.lastError).toBeUndefined()
  })

  it('staff read the record, nobody writes it but the publish, the public sees nothing', async () => {
    const admin = await createStaff(cms.payload, 'admin', {}, 'record-admin@example.org')
    await expect(cms.payload.findGlobal({ slug: 'publish-record', overrideAccess: false })).rejects.toThrow(/not allowed/i)
    await expect(cms.payload.findGlobal({ slug: 'publish-record', overrideAccess: false, user: admin })).resolves.toMatchObject({ lastSuccess: { pages: 3110 } })
    await expect(cms.payload.updateGlobal({ slug: 'publish-record', overrideAccess: false, user: admin, data: { lastError: { message: 'forged' } } })).rejects.toThrow(/not allowed/i)
    expect((await readRecord(cms.payload)).lastError).toBeUndefined()
  })
})
