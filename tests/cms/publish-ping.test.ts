/**
 * The publisher is told of a save only once the save is in the database for everyone: its export,
 * a moment later, reads what the editor published. On PostgreSQL, whose saves are transactions;
 * each ping is answered by reading the title from another connection, as the publish worker does,
 * while each commit takes 0.4 s.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { seedContent } from '../../cms/sync/seed.ts'
import { startTestCms, type TestCms } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'

describe('the publish ping, on postgres', () => {
  let cms: TestCms
  let server: Server
  let reader: pg.Client
  const seen: string[] = []
  const before = process.env.MODERSMAL_PUBLISH_URL

  beforeAll(async () => {
    cms = await startTestCms('postgres', 'publish_ping')
    await seedContent(cms.payload, repoContent)
    // Connected ahead, so the read follows the ping as closely as the publisher's could.
    reader = new pg.Client({ connectionString: cms.url })
    await reader.connect()
    // A commit that takes a while (a busy server): a deferred trigger sleeps at each commit.
    await reader.query(`CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.4); RETURN NULL; END $$`)
    await reader.query(`CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT OR UPDATE ON activities DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit()`)
    server = createServer(async (_req, res) => {
      const { rows } = await reader.query<{ title: string }>(`SELECT l.title FROM activities a JOIN activities_locales l ON l._parent_id = a.id WHERE a.slug = 'babymassage' AND l._locale = 'da'`)
      seen.push(rows[0]?.title ?? '')
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    process.env.MODERSMAL_PUBLISH_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/publish`
  }, 120_000)
  afterAll(async () => {
    if (before === undefined) delete process.env.MODERSMAL_PUBLISH_URL
    else process.env.MODERSMAL_PUBLISH_URL = before
    await new Promise((resolve) => server?.close(resolve))
    await reader?.end()
    await cms?.close()
  })

  it('comes after the save has committed, every time', async () => {
    const { docs } = await cms.payload.find({ collection: 'activities', where: { slug: { equals: 'babymassage' } }, overrideAccess: true })
    const titles = Array.from({ length: 8 }, (_, i) => `Babymassage ${i + 1}`)
    for (const title of titles) {
      const pinged = seen.length
      await cms.payload.update({ collection: 'activities', id: docs[0]!.id, locale: 'da', data: { title, _status: 'published' }, overrideAccess: true })
      await expect.poll(() => seen.length, { timeout: 10_000 }).toBeGreaterThan(pinged)
      expect(seen.slice(pinged)).toEqual(seen.slice(pinged).map(() => title))
    }
  })
})
