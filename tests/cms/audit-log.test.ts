/**
 * The audit log, on both databases: who created, changed, published, unpublished and deleted each
 * document in each language, and every change to a person's role, languages or municipality.
 * Admins read it; nobody changes or deletes it, not through Payload and not in the database.
 */
import { sql as sqliteSql } from '@payloadcms/db-sqlite'
import { sql as pgSql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databases, startTestCms, type TestCms, createStaff, type Staff } from '../support/cms.ts'

describe.each(databases)('the audit log on %s', (kind) => {
  let cms: TestCms
  let payload: Payload
  const users: Record<string, Staff> = {}
  const as = (role: string) => ({ overrideAccess: false, user: users[role] }) as const
  const eventsOf = async (target: string) => (await payload.find({ collection: 'audit-events', where: { target: { equals: target } }, sort: 'id', limit: 100, overrideAccess: true })).docs
  const count = async () => (await payload.count({ collection: 'audit-events', overrideAccess: true })).totalDocs
  /** A statement straight to the database; its error with the database's own reason. */
  const raw = (statement: string) => {
    const db = (payload.db as unknown as { drizzle: { run?: (q: unknown) => Promise<unknown>; execute?: (q: unknown) => Promise<unknown> } }).drizzle
    return (kind === 'sqlite' ? db.run!(sqliteSql.raw(statement)) : db.execute!(pgSql.raw(statement))).catch((e: Error & { cause?: Error }) => {
      throw new Error(`${e.message} ${e.cause?.message ?? ''}`)
    })
  }
  const programme = { name: 'Mødre i Ry', organisation: 'Ry Kommune', description: 'En gruppe for nye mødre.', targetGroup: 'Nye mødre i Ry.' }

  beforeAll(async () => {
    cms = await startTestCms(kind, 'audit')
    payload = cms.payload
    for (const [role, extra] of [
      ['admin', {}],
      ['editor', {}],
      ['translator', { translatorLocales: ['ar'] }],
    ] as const) {
      users[role] = await createStaff(payload, role, extra)
    }
  })
  afterAll(async () => cms?.close())

  it('records who created, published, changed, unpublished and deleted a document, in which language', async () => {
    const doc = await payload.create({ collection: 'programmes', locale: 'da', draft: true, ...as('editor'), data: { ...programme, slug: 'moedre-i-ry', _status: 'draft' } })
    const id = doc.id
    await payload.update({ collection: 'programmes', id, locale: 'da', ...as('editor'), data: { _status: 'published' } })
    await payload.update({
      collection: 'programmes',
      id,
      locale: 'ar',
      ...as('translator'),
      data: { name: 'أمهات في راي', description: 'مجموعة للأمهات الجدد.', targetGroup: 'الأمهات الجدد.', _status: 'published' },
    })
    await payload.update({ collection: 'programmes', id, locale: 'da', draft: true, ...as('editor'), data: { description: 'En gruppe for nye mødre og deres babyer.', _status: 'draft' } })
    await payload.update({ collection: 'programmes', id, locale: 'da', ...as('editor'), data: { _status: 'draft' } })
    await payload.delete({ collection: 'programmes', id, ...as('editor') })
    const events = await eventsOf(`programmes/${id}`)
    expect(events.map((e) => [e.action, e.actorEmail, e.locale])).toEqual([
      ['create', 'editor@example.org', 'da'],
      ['publish', 'editor@example.org', 'da'],
      ['publish', 'translator@example.org', 'ar'],
      ['update', 'editor@example.org', 'da'],
      ['unpublish', 'editor@example.org', 'da'],
      ['delete', 'editor@example.org', null],
    ])
    expect(events[2]!.fields).toEqual(expect.arrayContaining(['name', 'description', 'targetGroup']))
    expect(events[3]!.fields).toEqual(['description'])
    expect(events[2]!.summary).toBe('translator@example.org published programmes "moedre-i-ry" (ar)')
    // Names of fields, never their text.
    expect(JSON.stringify(events)).not.toContain('babyer')
  })

  it("records every change to a person's role, languages or municipality, before and after", async () => {
    const u = await payload.create({ collection: 'users', ...as('admin'), data: { email: 'ny@example.org', password: 'test-password-2', role: 'translator', translatorLocales: ['so'] } })
    await payload.update({ collection: 'users', id: u.id, ...as('admin'), data: { translatorLocales: ['so', 'ti'] } })
    await payload.update({ collection: 'users', id: u.id, ...as('admin'), data: { role: 'editor' } })
    const events = await eventsOf(`users/${u.id}`)
    expect(events.map((e) => [e.action, e.actorEmail, e.access])).toEqual([
      ['access', 'admin@example.org', { before: null, after: { role: 'translator', translatorLocales: ['so'], municipality: null } }],
      [
        'access',
        'admin@example.org',
        { before: { role: 'translator', translatorLocales: ['so'], municipality: null }, after: { role: 'translator', translatorLocales: ['so', 'ti'], municipality: null } },
      ],
      [
        'access',
        'admin@example.org',
        { before: { role: 'translator', translatorLocales: ['so', 'ti'], municipality: null }, after: { role: 'editor', translatorLocales: ['so', 'ti'], municipality: null } },
      ],
    ])
    // Deleting the account keeps what it did.
    await payload.delete({ collection: 'users', id: u.id, ...as('admin') })
    expect((await eventsOf(`users/${u.id}`)).map((e) => e.action)).toEqual(['access', 'access', 'access', 'delete'])
  })

  it('leaves no event for a save that was refused', async () => {
    const before = await count()
    const doc = (await payload.find({ collection: 'users', where: { email: { equals: 'translator@example.org' } }, overrideAccess: true })).docs[0]!
    await expect(payload.update({ collection: 'users', id: doc.id, ...as('translator'), data: { role: 'admin' } })).rejects.toMatchObject({
      data: { errors: [{ message: expect.stringMatching(/Only an admin can change roles/) }] },
    })
    expect(await count()).toBe(before)
  })

  it('is read by admins only', async () => {
    expect((await payload.find({ collection: 'audit-events', ...as('admin') })).totalDocs).toBeGreaterThan(0)
    for (const role of ['editor', 'translator']) await expect(payload.find({ collection: 'audit-events', ...as(role) })).rejects.toThrow(/not allowed/)
    await expect(payload.find({ collection: 'audit-events', overrideAccess: false })).rejects.toThrow(/not allowed/)
  })

  it('cannot be changed or deleted: not by an admin, not with access overridden, not in the database', async () => {
    const [event] = (await payload.find({ collection: 'audit-events', limit: 1, overrideAccess: true })).docs
    await expect(payload.update({ collection: 'audit-events', id: event!.id, ...as('admin'), data: { summary: 'nothing happened' } })).rejects.toThrow(/not allowed/)
    await expect(payload.update({ collection: 'audit-events', id: event!.id, overrideAccess: true, data: { summary: 'nothing happened' } })).rejects.toThrow(/append-only: an event cannot be changed/)
    await expect(payload.delete({ collection: 'audit-events', id: event!.id, overrideAccess: true })).rejects.toThrow(/append-only: an event cannot be deleted/)
    await expect(payload.create({ collection: 'audit-events', ...as('admin'), data: { at: new Date().toISOString(), action: 'create', target: 'x/1', summary: 'forged' } })).rejects.toThrow(
      /not allowed/,
    )
    await expect(raw(`UPDATE audit_events SET summary = 'nothing happened'`)).rejects.toThrow(/append-only/)
    await expect(raw('DELETE FROM audit_events')).rejects.toThrow(/append-only/)
    expect((await payload.findByID({ collection: 'audit-events', id: event!.id, overrideAccess: true })).summary).toBe(event!.summary)
  })
})
