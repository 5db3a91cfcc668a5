/**
 * Referrals, the first step of the programme that holds personal data, on both databases: a
 * mother's first name, phone and note are sealed before they reach the database (the database
 * file holds no phone number), opened for the coordinators of her municipality and the admins,
 * and for nobody else; they cannot be searched on; a changed stored value is found, not shown as
 * garbage; the key is not in the backup; the audit log names fields, never their text.
 */
import { readFile, stat } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { sql as sqliteSql } from '@payloadcms/db-sqlite'
import { sql as pgSql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { list } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backup } from '../../cms/backup/backup.ts'
import { overdueReferrals } from '../../cms/collections/Referrals/overdue.ts'
import { deleteExpiredReferrals, retentionFromEnv } from '../../cms/collections/Referrals/retention.ts'
import { open, seal } from '../../cms/privacy/fieldCipher.ts'
import { keyRing, keysFileOf } from '../../cms/privacy/keys.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { createStaff, databases, startTestCms, type Staff, type TestCms } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'

const amina = { firstName: 'Amina', phone: '+45 21 43 65 87', language: 'ar', consent: true, note: 'Ring efter klokken 14; hun vil gerne have tolk.' }
const secrets = ['Amina', '21 43 65 87', '21436587', 'klokken 14']

describe('sealing a value', () => {
  const ring = (keys: string) => keyRing('/nonexistent', { MODERSMAL_PERSONAL_DATA_KEYS: keys })
  const k1 = Buffer.alloc(32, 1).toString('base64')
  const k2 = Buffer.alloc(32, 2).toString('base64')

  it('opens what it sealed, and never seals the same text the same way twice', () => {
    const keys = ring(k1)
    const a = seal(keys, 'referrals.phone', '+45 21 43 65 87')
    // The digits in a row, in the text and in its decoded bytes: a two-digit piece such as "21"
    // turns up in random base64 about one run in 70 (CI met it), and proves nothing.
    expect(a).not.toContain('21436587')
    expect(Buffer.from(a.split(':')[3] ?? '', 'base64url').includes('21 43 65 87')).toBe(false)
    expect(a).not.toBe(seal(keys, 'referrals.phone', '+45 21 43 65 87'))
    expect(open(keys, 'referrals.phone', a)).toBe('+45 21 43 65 87')
  })

  it('opens values sealed with an older key after a rotation, and seals new ones with the new key', () => {
    const old = seal(ring(k1), 'referrals.phone', '12345678')
    const rotated = ring(`${k2},${k1}`)
    expect(open(rotated, 'referrals.phone', old)).toBe('12345678')
    expect(seal(rotated, 'referrals.phone', 'x').split(':')[2]).not.toBe(old.split(':')[2])
  })

  it('refuses a value moved to another field, a changed one, and one whose key is gone, saying which', () => {
    const keys = ring(k1)
    const a = seal(keys, 'referrals.phone', '12345678')
    expect(() => open(keys, 'referrals.firstName', a)).toThrow(/referrals.firstName: the stored value was changed or belongs to another field/)
    const flipped = `${a.slice(0, -2)}${a.at(-2) === 'A' ? 'B' : 'A'}${a.at(-1)}`
    expect(() => open(keys, 'referrals.phone', flipped)).toThrow(/was changed/)
    expect(() => open(ring(k2), 'referrals.phone', a)).toThrow(/sealed with key [0-9a-f]{8}, which this server does not have/)
  })

  it('refuses a key of the wrong length with the way to make one', () => {
    expect(() => ring('c2hvcnQ=').current()).toThrow(/each key must be 32 bytes in base64 \(openssl rand -base64 32\); one is 5 bytes/)
  })
})

describe.each(databases)('referrals on %s', (kind) => {
  let cms: TestCms
  let payload: Payload
  const users: Record<string, Staff> = {}
  const ids: Record<string, number | string> = {}
  const as = (who: string) => ({ overrideAccess: false, user: users[who] }) as const
  /** Rows as the database holds them, read past Payload. */
  const rows = async (statement: string): Promise<Array<Record<string, unknown>>> => {
    const db = (payload.db as unknown as { drizzle: { all?: (q: unknown) => Promise<unknown[]>; execute?: (q: unknown) => Promise<{ rows: unknown[] }> } }).drizzle
    return (kind === 'sqlite' ? await db.all!(sqliteSql.raw(statement)) : (await db.execute!(pgSql.raw(statement))).rows) as Array<Record<string, unknown>>
  }
  const file = (data: Record<string, unknown>, who = 'aarhus') => payload.create({ collection: 'referrals', ...as(who), data: { ...amina, municipality: ids.aarhus, ...data } as never })

  beforeAll(async () => {
    cms = await startTestCms(kind, 'referrals')
    payload = cms.payload
    await seedContent(payload, repoContent)
    const idOf = async (slug: string) => (await payload.find({ collection: 'municipalities', where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!.id
    ids.aarhus = await idOf('aarhus')
    ids.aalborg = await idOf('aalborg')
    users.admin = await createStaff(payload, 'admin')
    users.editor = await createStaff(payload, 'editor')
    users.translator = await createStaff(payload, 'translator', { translatorLocales: ['ar'] })
    users.aarhus = await createStaff(payload, 'coordinator', { municipality: ids.aarhus }, 'aarhus@example.org')
    users.aalborg = await createStaff(payload, 'coordinator', { municipality: ids.aalborg }, 'aalborg@example.org')
    ids.amina = (await file({})).id
  })
  afterAll(async () => cms?.close())

  it('gives the coordinator of her municipality the plain text, and stores none of it', async () => {
    const doc = await payload.findByID({ collection: 'referrals', id: ids.amina, ...as('aarhus') })
    expect([doc.firstName, doc.phone, doc.note]).toEqual([amina.firstName, amina.phone, amina.note])
    const [stored] = await rows(`SELECT first_name, phone, note FROM referrals WHERE id = ${Number(ids.amina)}`)
    for (const v of Object.values(stored!)) expect(String(v)).toMatch(/^enc:v1:[0-9a-f]{8}:/)
    const everything = JSON.stringify(await rows('SELECT * FROM referrals'))
    for (const s of secrets) expect(everything).not.toContain(s)
  })

  it('leaves no name or phone number in the database files, nor in the audit log', async () => {
    if (kind === 'sqlite') {
      for (const suffix of ['', '-wal']) {
        const f = path.join(cms.dataDir, `cms.db${suffix}`)
        if (!existsSync(f)) continue
        const bytes = await readFile(f)
        for (const s of secrets) expect(bytes.includes(Buffer.from(s)), `${s} in cms.db${suffix}`).toBe(false)
      }
    }
    const events = await payload.find({ collection: 'audit-events', where: { target: { equals: `referrals/${ids.amina}` } }, overrideAccess: true })
    expect(events.docs.map((e) => e.action)).toEqual(['create'])
    for (const s of secrets) expect(JSON.stringify(events.docs)).not.toContain(s)
  })

  it('shows nothing of it to another municipality, editors, translators or anyone not signed in', async () => {
    for (const who of ['aalborg', 'editor', 'translator']) {
      const found = await payload.find({ collection: 'referrals', ...as(who) }).catch((e: Error) => e)
      if (who === 'aalborg') expect((found as { totalDocs: number }).totalDocs, who).toBe(0)
      else expect((found as Error).message, who).toMatch(/not allowed/i)
      await expect(payload.findByID({ collection: 'referrals', id: ids.amina, ...as(who) }), who).rejects.toThrow(/not found|not allowed/i)
    }
    await expect(payload.find({ collection: 'referrals', overrideAccess: false })).rejects.toThrow(/not allowed/i)
    expect((await payload.find({ collection: 'referrals', ...as('admin') })).totalDocs).toBe(1)
  })

  it("refuses a coordinator's referral for another municipality, and one without the mother's yes or a phone number", async () => {
    await expect(file({ municipality: ids.aalborg })).rejects.toThrow('A coordinator files referrals for her own municipality only; an admin can move one to another municipality.')
    const fieldErrors = (e: { data?: { errors?: Array<{ path: string; message: string }> } }) => e.data?.errors?.map(({ path, message }) => ({ path, message }))
    expect(await file({ consent: false }).catch(fieldErrors)).toEqual([{ path: 'consent', message: 'she must have said yes to being called: the name, phone and language are passed on only then' }])
    expect(await file({ phone: '12-34' }).catch(fieldErrors)).toEqual([{ path: 'phone', message: 'must be a phone number: 8 digits, or + and the country code' }])
    // Checked as plain text, before it is sealed (sealed, any name is longer than 60).
    expect(await file({ firstName: 'A'.repeat(61) }).catch(fieldErrors)).toEqual([{ path: 'firstName', message: 'is longer than 60 characters' }])
    expect((await file({ firstName: 'Á'.repeat(60) })).firstName).toBe('Á'.repeat(60))
    expect((await payload.count({ collection: 'referrals', overrideAccess: true })).totalDocs).toBe(2)
    await payload.delete({ collection: 'referrals', where: { id: { not_equals: ids.amina } }, overrideAccess: true })
  })

  it('refuses a search or sort on the encrypted fields, saying why', async () => {
    await expect(payload.find({ collection: 'referrals', ...as('aarhus'), where: { phone: { like: '21' } } })).rejects.toThrow('Referrals cannot be searched or sorted by phone: they are encrypted.')
    await expect(payload.find({ collection: 'referrals', ...as('admin'), where: { or: [{ status: { equals: 'new' } }, { firstName: { equals: 'Amina' } }] } })).rejects.toThrow(
      /searched or sorted by firstName/,
    )
    await expect(payload.find({ collection: 'referrals', ...as('admin'), sort: '-note' })).rejects.toThrow(/searched or sorted by note/)
    expect((await payload.find({ collection: 'referrals', ...as('aarhus'), where: { status: { equals: 'new' } } })).totalDocs).toBe(1)
  })

  it('records who took it on and when it was closed, and keeps the text through the moves', async () => {
    const taken = await payload.update({ collection: 'referrals', id: ids.amina, ...as('aarhus'), data: { status: 'contacted' } })
    expect(taken.takenBy).toMatchObject({ id: users.aarhus!.id })
    expect(taken.takenAt).toBeTruthy()
    expect(taken.closedAt).toBeFalsy()
    const joined = await payload.update({ collection: 'referrals', id: ids.amina, ...as('aarhus'), data: { status: 'joined' } })
    expect(joined.closedAt).toBeTruthy()
    expect([joined.firstName, joined.phone]).toEqual([amina.firstName, amina.phone])
  })

  it('says a stored value was changed rather than show garbage', async () => {
    const other = await file({ firstName: 'Hodan', phone: '+45 31 41 59 26' })
    const [row] = await rows(`SELECT phone FROM referrals WHERE id = ${Number(other.id)}`)
    const phone = String(row!.phone)
    const changed = `${phone.slice(0, -3)}${phone.at(-3) === 'A' ? 'B' : 'A'}${phone.slice(-2)}`
    await rows(`UPDATE referrals SET phone = '${changed}' WHERE id = ${Number(other.id)} RETURNING id`)
    await expect(payload.findByID({ collection: 'referrals', id: other.id, ...as('aarhus') })).rejects.toThrow(
      'referrals.phone: the stored value was changed or belongs to another field; it cannot be read',
    )
    await rows(`DELETE FROM referrals WHERE id = ${Number(other.id)} RETURNING id`)
  })

  it('keeps its key in a private file that the backup leaves out', async () => {
    const keys = keysFileOf(cms.dataDir)
    expect((await stat(keys)).mode & 0o777).toBe(0o600)
    const out = path.join(cms.dataDir, '..', `${path.basename(cms.dataDir)}-backup.tar.gz`)
    await backup({ dataDir: cms.dataDir, databaseUrl: cms.url, out })
    const entries: string[] = []
    await list({ file: out, onReadEntry: (e) => entries.push(e.path) })
    expect(entries.length).toBeGreaterThan(1)
    expect(entries.filter((e) => e.includes('keys'))).toEqual([])
  })

  it('flags a referral still new after the promised working days, to its municipality only, counting nothing closed', async () => {
    const sahra = await file({ firstName: 'Sahra', phone: '+45 61 23 45 99' })
    const inDays = (n: number) => new Date(Date.now() + n * 24 * 60 * 60 * 1000)
    const flagged = async (who: string, at: Date) => (await overdueReferrals(payload, users[who], at)).map((o) => [o.municipality.name, o.count])
    expect(await flagged('aarhus', new Date())).toEqual([])
    // A week on, three working days have passed whatever the weekday.
    expect(await flagged('aarhus', inDays(7))).toEqual([['Aarhus', 1]])
    expect(await flagged('admin', inDays(7))).toEqual([['Aarhus', 1]])
    expect(await flagged('aalborg', inDays(7))).toEqual([])
    await expect(overdueReferrals(payload, users.editor, inDays(7))).rejects.toThrow(/not allowed/i)
    await payload.update({ collection: 'referrals', id: sahra.id, data: { status: 'contacted' }, overrideAccess: true })
    expect(await flagged('aarhus', inDays(7))).toEqual([])
    await payload.delete({ collection: 'referrals', id: sahra.id, overrideAccess: true })
  })

  it('deletes referrals on schedule: 30 days after they were closed, 180 after they were made, leaving a trace without names', async () => {
    // Amina's referral was closed ("joined") above; Hawa's is still open.
    const hawa = await file({ firstName: 'Hawa', phone: '+45 61 23 45 67' })
    const start = new Date().toISOString()
    const retention = { afterClosedDays: 30, afterCreatedDays: 180 }
    const inDays = (n: number) => new Date(Date.now() + n * 24 * 60 * 60 * 1000)
    const left = async () => (await payload.find({ collection: 'referrals', overrideAccess: true, depth: 0 })).docs.map((d) => d.firstName)
    expect(await deleteExpiredReferrals(payload, retention, inDays(29))).toBe(0)
    expect(await deleteExpiredReferrals(payload, retention, inDays(31))).toBe(1)
    expect(await left()).toEqual(['Hawa'])
    expect(await deleteExpiredReferrals(payload, retention, inDays(179))).toBe(0)
    expect(await deleteExpiredReferrals(payload, retention, inDays(181))).toBe(1)
    expect(await left()).toEqual([])
    const events = await payload.find({ collection: 'audit-events', where: { and: [{ action: { equals: 'delete' } }, { at: { greater_than_equal: start } }] }, overrideAccess: true })
    expect(events.docs.map((e) => [e.target, e.actorRole]).sort()).toEqual(
      [
        [`referrals/${ids.amina}`, 'system'],
        [`referrals/${hawa.id}`, 'system'],
      ].sort(),
    )
    for (const s of [...secrets, 'Hawa', '61 23 45 67']) expect(JSON.stringify(events.docs)).not.toContain(s)
  })

  it('refuses a retention setting that is not a whole number of days, naming it', () => {
    expect(retentionFromEnv({})).toEqual({ afterClosedDays: 30, afterCreatedDays: 180 })
    expect(() => retentionFromEnv({ MODERSMAL_REFERRAL_DAYS_AFTER_CLOSED: '30d' })).toThrow('MODERSMAL_REFERRAL_DAYS_AFTER_CLOSED must be a whole number of days (1 or more), not "30d"')
  })
})
