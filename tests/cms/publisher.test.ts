/**
 * The publisher survives what its runs do: a run that hangs is stopped at the time limit, a failed
 * run's message reaches the status the admin shows, and a status file that cannot be written
 * (full disk, read-only folder) is logged, never thrown in a timer where it ended npm start.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPublisher } from '../../cms/publish/publisher.ts'
import { readStatus } from '../../cms/publish/status.ts'

const fixture = (name: string) => path.resolve(import.meta.dirname, '../support/fixtures', name)

describe('the publisher under faults', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'modersmal-publisher-'))
  })
  afterAll(async () => rm(dir, { recursive: true, force: true }))

  it('stops a publish that hangs at the time limit and says so', async () => {
    const statusFile = path.join(dir, 'hung.json')
    const publisher = await startPublisher({ env: {}, statusFile, debounceMs: 0, timeoutMs: 3000, script: fixture('hung-publish.ts') })
    try {
      publisher.request()
      await publisher.idle()
      expect(readStatus(statusFile)!.lastError!.message).toMatch(/took longer than 3 s and was stopped. The live site is unchanged/)
      expect(readStatus(statusFile)!.state).toBe('idle')
    } finally {
      await publisher.stop()
    }
  })

  it("puts the failing run's own message, without stack frames, in the status", async () => {
    const statusFile = path.join(dir, 'failing.json')
    const publisher = await startPublisher({ env: {}, statusFile, debounceMs: 0, script: fixture('failing-publish.ts') })
    try {
      publisher.request()
      await publisher.idle()
      expect(readStatus(statusFile)!.lastError!.message).toBe('municipalities/aarhus.yaml: contact.email: must be an e-mail address')
    } finally {
      await publisher.stop()
    }
  })

  it('keeps running when the status file cannot be written, and logs it once', async () => {
    // A file where the status folder should be: every write fails (ENOTDIR), even for root.
    const blocker = path.join(dir, 'not-a-folder')
    await writeFile(blocker, '')
    const logged: string[] = []
    const publisher = await startPublisher({ env: {}, statusFile: path.join(blocker, 'status.json'), debounceMs: 0, script: fixture('failing-publish.ts'), log: (m) => logged.push(m) })
    try {
      publisher.request()
      await publisher.idle()
      publisher.request()
      await publisher.idle()
      expect(publisher.status.lastError!.message).toMatch(/must be an e-mail address/)
      expect(logged.filter((m) => m.startsWith('Could not write the publish status'))).toHaveLength(1)
      expect(logged[0]).toMatch(/not-a-folder\/status\.json: E[A-Z]+/)
    } finally {
      await publisher.stop()
    }
  })
})
