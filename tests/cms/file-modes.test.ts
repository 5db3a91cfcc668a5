/**
 * The data folder, the database (with its write-ahead log) and the secret are readable by the
 * account that runs the CMS only; an older install's folder is tightened on the next start.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { closeCms, openCms } from '../../cms/boot.ts'
import { cmsSecret } from '../../cms/config.ts'

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8)

describe('file modes of the data folder', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'modersmal-modes-'))
  afterAll(() => rmSync(parent, { recursive: true, force: true }))

  it('keeps the folder, the database, its log and the secret private', async () => {
    const dataDir = path.join(parent, 'data')
    mkdirSync(dataDir, { mode: 0o755 })
    const saved = process.env.PAYLOAD_SECRET
    delete process.env.PAYLOAD_SECRET
    try {
      cmsSecret(undefined, dataDir)
    } finally {
      if (saved !== undefined) process.env.PAYLOAD_SECRET = saved
    }
    const payload = await openCms({ database: { url: `file:${path.join(dataDir, 'cms.db')}` }, dataDir, secret: 'modes', key: 'modes' })
    try {
      await payload.create({ collection: 'users', overrideAccess: true, data: { email: 'a@example.org', password: 'test-password-1', role: 'admin' } })
      expect(mode(dataDir)).toBe('700')
      expect(mode(path.join(dataDir, 'cms.db'))).toBe('600')
      expect(mode(path.join(dataDir, 'cms.db-wal'))).toBe('600')
      expect(mode(path.join(dataDir, 'payload-secret'))).toBe('600')
    } finally {
      await closeCms(payload)
    }
  })
})
