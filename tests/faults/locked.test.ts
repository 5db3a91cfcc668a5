/**
 * A database held by another writer (a script, someone's sqlite3 or psql, a long migration): the
 * admin's save waits its time (SQLite's busy timeout, PostgreSQL's lock_timeout: MODERSMAL_DB_WAIT_S,
 * 10 s by default, 2 s here), then is
 * refused saying what happened and that nothing was saved; reads go on meanwhile, nothing is half
 * written, and once the other writer lets go the same save goes through.
 */
import { createClient } from '@libsql/client'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryPostgres, sqliteFile } from '../../cms/database.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { createStaff, databases } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'
import { startHttpAdmin, type Client, type HttpAdmin } from '../support/http-admin.ts'

/** Another program's write transaction on the admin's database, until `release`. */
async function holdWriteLock(admin: HttpAdmin): Promise<{ release(): Promise<void> }> {
  if (admin.kind === 'sqlite') {
    const client = createClient({ url: `file:${sqliteFile(admin.databaseUrl)}` })
    const tx = await client.transaction('write') // BEGIN IMMEDIATE: the one writer's lock
    return {
      async release() {
        await tx.rollback()
        client.close()
      },
    }
  }
  const client = new pg.Client({ connectionString: admin.databaseUrl })
  await client.connect()
  await client.query('BEGIN')
  // EXCLUSIVE lets others read, and no one else write.
  await client.query('LOCK TABLE activities, activities_locales IN EXCLUSIVE MODE')
  return {
    async release() {
      await client.query('ROLLBACK')
      await client.end()
    },
  }
}

/** The Danish title as the database file or server holds it, read by another program. */
async function storedTitle(admin: HttpAdmin, id: number | string): Promise<string> {
  const sql = `SELECT title FROM activities_locales WHERE _parent_id = ${Number(id)} AND _locale = 'da'`
  if (admin.kind === 'sqlite') {
    const client = createClient({ url: `file:${sqliteFile(admin.databaseUrl)}` })
    try {
      return String((await client.execute(sql)).rows[0]!.title)
    } finally {
      client.close()
    }
  }
  return String((await queryPostgres<{ title: string }>(admin.databaseUrl, sql))[0]!.title)
}

describe.each(databases)('a database locked by another writer, on %s', (kind) => {
  let admin: HttpAdmin
  let editor: Client
  let id: number | string

  beforeAll(async () => {
    admin = await startHttpAdmin(
      kind,
      'faults_locked',
      async (payload) => {
        await seedContent(payload, repoContent)
        await createStaff(payload, 'editor')
        id = (await payload.find({ collection: 'activities', where: { slug: { equals: 'babymassage' } }, overrideAccess: true })).docs[0]!.id
      },
      { MODERSMAL_DB_WAIT_S: '2' },
    )
    editor = await admin.signIn('editor@example.org', 'test-password-1')
  })
  afterAll(async () => admin?.stop())

  it('refuses the save after its wait, saying so; reads go on; the same save goes through once the lock is gone', async () => {
    const title = async () => (await editor.request('GET', `/api/activities/${id}?locale=da&depth=0&draft=true`)).json<{ title: string }>().title
    const before = await title()
    const save = () => editor.request('PATCH', `/api/activities/${id}?locale=da`, { json: { title: 'Babymassage, gemt efter låsen' } })

    const lock = await holdWriteLock(admin)
    let refused: Awaited<ReturnType<typeof save>>
    try {
      const saving = save()
      expect(await title()).toBe(before)
      refused = await saving
    } finally {
      await lock.release()
    }
    expect(refused.status, refused.text).toBe(503)
    expect(refused.said).toMatch(/The database is busy: another program is writing to it and did not let go in time \((SQLITE_BUSY|55P03)\)\. Nothing was saved; save again in a moment\./)
    expect(await title()).toBe(before)

    // Right after: on SQLite this save was answered 200 and then lost, on a connection libsql had
    // left in a transaction that never commits; a second look from outside the admin proves it stored.
    const again = await save()
    expect(again.status, again.text).toBe(200)
    expect(await title(), admin.log()).toBe('Babymassage, gemt efter låsen')
    expect(await storedTitle(admin, id)).toBe('Babymassage, gemt efter låsen')
  })
})
