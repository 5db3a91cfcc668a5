/**
 * Boots a real Payload for a test: SQLite in memory, or a fresh database on the run's PostgreSQL
 * server. Both go through the committed migrations, as production does.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { inject } from 'vitest'
import type { Payload } from 'payload'
import { closeCms, openCms } from '../../cms/boot.ts'
import type { CmsOptions } from '../../cms/config.ts'
import { queryPostgres, type DatabaseKind } from '../../cms/database.ts'
import type { Role } from '../../cms/access/roles.ts'
import type { User } from '../../cms/payload-types.ts'

export const databases: DatabaseKind[] = ['sqlite', 'postgres']

/** The secret of every test's CMS (and of the admin a test starts on its database). */
export const testSecret = 'test-secret'

let counter = 0

export interface TestCms {
  payload: Payload
  dataDir: string
  /** The instance's cache key, for calling the REST handlers (handleEndpoints) on it. */
  key: string
  /** Its DATABASE_URL. */
  url: string
  close(): Promise<void>
}

/** `migrate: false` leaves the database empty, for a test that runs the migrations itself. */
export async function startTestCms(kind: DatabaseKind, name: string, options: Pick<CmsOptions, 'maxFileBytes'> & { migrate?: boolean } = {}): Promise<TestCms> {
  const id = `${name}_${process.pid}_${counter++}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase()
  const dataDir = mkdtempSync(path.join(tmpdir(), `modersmal-test-${id}-`))
  let url: string
  if (kind === 'postgres') {
    const port = inject('postgresPort')
    url = await createPostgresDatabase(port, id)
  } else {
    url = `file:${path.join(dataDir, 'cms.db')}`
  }
  const payload = await openCms({ ...options, database: { url }, dataDir, key: id, secret: testSecret })
  return {
    payload,
    dataDir,
    key: id,
    url,
    async close() {
      await closeCms(payload)
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function createPostgresDatabase(port: number, name: string): Promise<string> {
  await queryPostgres(`postgres://postgres@127.0.0.1:${port}/postgres`, `CREATE DATABASE "${name}"`)
  return `postgres://postgres@127.0.0.1:${port}/${name}`
}

export type Staff = User & { collection: 'users' }

/** A staff account for a test, in the shape the Local API takes as `user` (password test-password-1). */
export async function createStaff(
  payload: Payload,
  role: Role,
  extra: { translatorLocales?: Readonly<NonNullable<User['translatorLocales']>>; municipality?: number | string } = {},
  email = `${role}@example.org`,
): Promise<Staff> {
  const { translatorLocales, municipality } = extra
  const data = {
    email,
    password: 'test-password-1',
    role,
    ...(translatorLocales ? { translatorLocales: [...translatorLocales] } : {}),
    ...(municipality !== undefined ? { municipality: Number(municipality) } : {}),
  }
  const u = await payload.create({ collection: 'users', overrideAccess: true, data })
  return { ...u, collection: 'users' }
}

/**
 * A document as a map of fields, for tests that check fields generically or read `locale: 'all'`
 * (then each localized field is a map by locale, which Payload's generated types do not describe).
 */
/** A municipality's id by its slug. */
export const municipalityId = async (payload: Payload, slug: string) => (await payload.find({ collection: 'municipalities', where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!.id

/**
 * The people around two inboxes: an admin, an editor, a translator of one language, and the
 * coordinators of Aarhus and Aalborg (aarhus@ / aalborg@example.org). Returns the two ids.
 */
export async function staffOfTwoInboxes(payload: Payload, translatorLocale: NonNullable<User['translatorLocales']>[number]): Promise<{ aarhus: number | string; aalborg: number | string }> {
  const places = { aarhus: await municipalityId(payload, 'aarhus'), aalborg: await municipalityId(payload, 'aalborg') }
  await createStaff(payload, 'admin')
  await createStaff(payload, 'editor')
  await createStaff(payload, 'translator', { translatorLocales: [translatorLocale] })
  await createStaff(payload, 'coordinator', { municipality: places.aarhus }, 'aarhus@example.org')
  await createStaff(payload, 'coordinator', { municipality: places.aalborg }, 'aalborg@example.org')
  return places
}

export const fieldsOf = <T extends Record<string, unknown> = Record<string, unknown>>(doc: object): T => doc as T
