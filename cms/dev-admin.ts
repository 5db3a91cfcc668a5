/**
 * The development admin account `npm start` creates on an empty database. Email and password come
 * from ADMIN_EMAIL / ADMIN_PASSWORD; without them a random password is made once and kept in the
 * (gitignored) data folder, so no install ever has a well-known password.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { ensurePrivateDir } from './private-files.ts'
import path from 'node:path'
import type { Payload } from 'payload'

export interface DevAdmin {
  email: string
  password: string
  created: boolean
}

export async function ensureDevAdmin(payload: Payload, dataDir: string): Promise<DevAdmin | null> {
  const email = process.env.ADMIN_EMAIL ?? 'admin@example.org'
  const file = path.join(dataDir, 'dev-admin-password')
  let password = process.env.ADMIN_PASSWORD
  if (!password) {
    if (!existsSync(file)) {
      ensurePrivateDir(dataDir)
      writeFileSync(file, randomBytes(9).toString('base64url'), { mode: 0o600 })
    }
    password = readFileSync(file, 'utf8').trim()
  }
  const { totalDocs } = await payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })
  if (totalDocs > 0) return { email, password, created: false }
  const { totalDocs: anyUsers } = await payload.count({ collection: 'users', overrideAccess: true })
  // Once real users exist, never add a development account behind their back.
  if (anyUsers > 0) return null
  await payload.create({ collection: 'users', overrideAccess: true, data: { email, password, role: 'admin', name: 'Development admin' } })
  return { email, password, created: true }
}
