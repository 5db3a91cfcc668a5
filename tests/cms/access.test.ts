/**
 * Who may do what, on both databases. Every case goes through Payload's access control
 * (`overrideAccess: false`) as the admin UI and the REST API do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload, Where } from 'payload'
import { contentKinds } from '../../content/collections.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { databases, startTestCms, type TestCms, createStaff, type Staff } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'
import type { Role } from '../../cms/access/roles.ts'
import type { UserAuthOperations } from '../../cms/payload-types.ts'

// Payload's generated auth types ask unlock for a password, which unlock neither needs nor reads.
const unlockData = (email: string) => ({ email }) as UserAuthOperations['unlock']

/** The messages the admin shows under the fields of a refused save. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (e) {
    const errors = (e as { data?: { errors?: { path: string; message: string }[] } }).data?.errors ?? []
    return [(e as Error).message, ...errors.map((x) => `${x.path}: ${x.message}`)].join('\n')
  }
  throw new Error('The save was not refused')
}
const bySlug = (slug: string): Where => ({ slug: { equals: slug } })

describe.each(databases)('roles and access on %s', (kind) => {
  let cms: TestCms
  let payload: Payload
  const users: Record<string, Staff> = {}
  const ids: Record<string, number | string> = {}

  const as = (role: string | null) => ({ overrideAccess: false, user: role ? users[role] : undefined }) as const
  const idOf = async (collection: 'activities' | 'municipalities', slug: string) => (await payload.find({ collection, where: bySlug(slug), overrideAccess: true, limit: 1 })).docs[0]!.id

  beforeAll(async () => {
    cms = await startTestCms(kind, 'access')
    payload = cms.payload
    await seedContent(payload, repoContent)
    ids.aarhus = await idOf('municipalities', 'aarhus')
    ids.vejle = await idOf('municipalities', 'vejle')
    ids.activity = await idOf('activities', 'babymassage')
    const make = async (role: Role, extra: Parameters<typeof createStaff>[2] = {}) => {
      users[role] = await createStaff(payload, role, extra)
    }
    await make('admin')
    await make('editor')
    await make('translator', { translatorLocales: ['ar'] })
    await make('coordinator', { municipality: ids.aarhus })
    // A draft nobody outside the staff may see.
    await payload.create({ collection: 'activities', overrideAccess: true, draft: true, locale: 'da', data: { slug: 'hemmelig-kladde', title: 'Hemmelig kladde', _status: 'draft' } as never })
  })
  afterAll(async () => cms?.close())

  describe('the public (no user)', () => {
    it.each(contentKinds.filter((k) => k !== 'media'))('reads published %s', async (collection) => {
      const { totalDocs } = await payload.find({ collection, ...as(null), limit: 1 })
      expect(totalDocs).toBeGreaterThan(0)
    })
    it.each(['media', 'videos'] as const)('is refused %s: uploads are for the staff (the site serves its own copies)', async (collection) => {
      expect(await refusal(payload.find({ collection, ...as(null), limit: 1 }))).toMatch(/not allowed/i)
      expect((await payload.find({ collection, ...as('translator'), limit: 1 })).totalDocs).toBeGreaterThanOrEqual(collection === 'media' ? 1 : 0)
    })
    it('never sees a draft', async () => {
      const { docs } = await payload.find({ collection: 'activities', where: bySlug('hemmelig-kladde'), ...as(null) })
      expect(docs).toEqual([])
      const staff = await payload.find({ collection: 'activities', where: bySlug('hemmelig-kladde'), ...as('editor'), draft: true })
      expect(staff.docs).toHaveLength(1)
    })
    it.each(contentKinds.filter((k) => k !== 'media'))('cannot create %s', async (collection) => {
      await expect(payload.create({ collection, ...as(null), data: { slug: 'x' } as never })).rejects.toThrow()
    })
    it('cannot change a municipality or list users', async () => {
      await expect(payload.update({ collection: 'municipalities', id: ids.vejle!, ...as(null), data: { area: 'X' } })).rejects.toThrow()
      await expect(payload.find({ collection: 'users', ...as(null) })).rejects.toThrow()
    })
  })

  describe('account locks', () => {
    it('only an admin lifts the lock that failed sign-ins put on an account (GHSA-jg8r-5jh2-v2xj)', async () => {
      const email = 'gaet-ikke@example.org'
      const password = 'the-right-password-1'
      await payload.create({ collection: 'users', overrideAccess: true, data: { email, password, role: 'editor' } })
      for (let i = 0; i < 10; i++) await payload.login({ collection: 'users', data: { email, password: `wrong-${i}` } }).catch(() => undefined)
      await expect(payload.login({ collection: 'users', data: { email, password } })).rejects.toThrow(/locked/i)
      for (const role of ['translator', 'editor', 'coordinator']) {
        expect(await refusal(payload.unlock({ collection: 'users', data: unlockData(email), overrideAccess: false, req: { user: users[role] as never } })), role).toMatch(/not allowed/i)
      }
      await expect(payload.login({ collection: 'users', data: { email, password } })).rejects.toThrow(/locked/i)
      expect(await payload.unlock({ collection: 'users', data: unlockData(email), overrideAccess: false, req: { user: users.admin as never } })).toBe(true)
      expect((await payload.login({ collection: 'users', data: { email, password } })).user?.email).toBe(email)
    })
  })

  describe('editor', () => {
    it.each(['activities', 'municipalities'] as const)('updates %s in Danish', async (collection) => {
      const id = collection === 'activities' ? ids.activity! : ids.vejle!
      const doc = await payload.update({ collection, id, locale: 'da', ...as('editor'), data: { translationStatus: null } as never })
      expect(doc.id).toBe(id)
    })
    it('creates and deletes a programme', async () => {
      const doc = await payload.create({
        collection: 'programmes',
        locale: 'da',
        ...as('editor'),
        data: { slug: 'nyt-program', name: 'Nyt', organisation: 'Org', description: 'Beskrivelse', targetGroup: 'Mødre', _status: 'published' },
      })
      await payload.delete({ collection: 'programmes', id: doc.id, ...as('editor') })
    })
    it('cannot create users or see other users', async () => {
      await expect(payload.create({ collection: 'users', ...as('editor'), data: { email: 'x@example.org', password: 'pw-123456', role: 'admin' } })).rejects.toThrow()
      const { docs } = await payload.find({ collection: 'users', ...as('editor') })
      expect(docs.map((u) => u.email)).toEqual(['editor@example.org'])
    })
    it('cannot make herself admin, and is told why', async () => {
      expect(await refusal(payload.update({ collection: 'users', id: users.editor!.id, ...as('editor'), data: { role: 'admin' } }))).toMatch(/role: Only an admin can change roles/)
    })
  })

  describe('translator for Arabic', () => {
    it('updates an activity in Arabic', async () => {
      const doc = await payload.update({ collection: 'activities', id: ids.activity!, locale: 'ar', ...as('translator'), data: { title: 'تدليك الطفل' } })
      expect(doc.title).toBe('تدليك الطفل')
      const da = await payload.findByID({ collection: 'activities', id: ids.activity!, locale: 'da', overrideAccess: true })
      expect(da.title).not.toBe('تدليك الطفل')
    })
    it.each(['da', 'so', 'en'])('cannot write in %s', async (locale) => {
      await expect(payload.update({ collection: 'activities', id: ids.activity!, locale: locale as 'da', ...as('translator'), data: { title: 'Ændret' } })).rejects.toThrow()
    })
    it.each(contentKinds.filter((k) => k !== 'media'))('cannot create or delete %s', async (collection) => {
      await expect(payload.create({ collection, locale: 'ar', ...as('translator'), data: { slug: 'x' } as never })).rejects.toThrow()
      const { docs } = await payload.find({ collection, overrideAccess: true, limit: 1 })
      await expect(payload.delete({ collection, id: docs[0]!.id, ...as('translator') })).rejects.toThrow()
    })
    it('cannot give herself another language', async () => {
      expect(await refusal(payload.update({ collection: 'users', id: users.translator!.id, ...as('translator'), data: { translatorLocales: ['ar', 'so'] } }))).toMatch(
        /translatorLocales: Only an admin/,
      )
    })
  })

  describe('coordinator for Aarhus', () => {
    it('updates her own municipality', async () => {
      const doc = await payload.update({ collection: 'municipalities', id: ids.aarhus!, locale: 'da', ...as('coordinator'), data: { area: 'Tilst' } })
      expect(doc.area).toBe('Tilst')
    })
    it('cannot update another municipality', async () => {
      await expect(payload.update({ collection: 'municipalities', id: ids.vejle!, locale: 'da', ...as('coordinator'), data: { area: 'Et andet sted' } })).rejects.toThrow()
      const vejle = await payload.findByID({ collection: 'municipalities', id: ids.vejle!, overrideAccess: true })
      expect(vejle.area ?? null).not.toBe('Et andet sted')
    })
    it.each(['activities', 'guides', 'films', 'leaflets', 'programmes'] as const)('cannot update %s', async (collection) => {
      const { docs } = await payload.find({ collection, overrideAccess: true, limit: 1 })
      await expect(payload.update({ collection, id: docs[0]!.id, locale: 'da', ...as('coordinator'), data: { slug: docs[0]!.slug } })).rejects.toThrow()
    })
  })

  describe('admin', () => {
    it('creates users and gives roles', async () => {
      const u = await payload.create({ collection: 'users', ...as('admin'), data: { email: 'new-translator@example.org', password: 'pw-123456789', role: 'translator', translatorLocales: ['so'] } })
      expect(u.role).toBe('translator')
    })
    it('refuses a translator without languages', async () => {
      expect(await refusal(payload.create({ collection: 'users', ...as('admin'), data: { email: 'nolang@example.org', password: 'pw-123456789', role: 'translator' } }))).toMatch(
        /translatorLocales: A translator needs at least one language/,
      )
    })
  })

  it('keeps a printed short code permanent, with a clear message', async () => {
    expect(await refusal(payload.update({ collection: 'municipalities', id: ids.aarhus!, ...as('admin'), data: { shortCode: 'NEW' } }))).toMatch(
      /shortCode: The short code AAR is printed on leaflets and can never change/,
    )
  })
})
