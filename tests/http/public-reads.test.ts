/**
 * Someone who is not signed in reads published text only, however she asks the REST API: drafts
 * saved after a document was published, drafts of documents never published, languages not
 * published, through `draft=true`, `locale=all`, one language with fallback, by id, by relation
 * (`depth`) and through versions. Asked of the admin's production server over HTTP, as anyone on
 * the internet can.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContent } from '../../cms/sync/seed.ts'
import { databases } from '../support/cms.ts'
import { repoContent } from '../support/content.ts'
import { startHttpAdmin, type HttpAdmin } from '../support/http-admin.ts'

const secrets = ['UDKAST-DANSK-TITEL', 'QABYO-SOOMAALI', 'NEVER-PUBLISHED-DOC', 'PROGRAM-UDKAST']

describe.each(databases)('public reads on %s', (kind) => {
  let admin: HttpAdmin
  const ids: Record<string, number | string> = {}
  const editor = { overrideAccess: false, user: undefined as never }
  const picture = { id: '', filename: '' }

  beforeAll(async () => {
    admin = await startHttpAdmin(kind, 'publicreads', async (payload) => {
      await seedContent(payload, repoContent)
      const user = await payload.create({ collection: 'users', overrideAccess: true, data: { email: 'redaktoer@example.org', password: 'test-password-1', role: 'editor' } })
      editor.user = { ...user, collection: 'users' } as never
      const idOf = async (collection: 'activities' | 'programmes' | 'guides', slug: string) =>
        (await payload.find({ collection, where: { slug: { equals: slug } }, overrideAccess: true, limit: 1 })).docs[0]!.id
      ids.babymassage = await idOf('activities', 'babymassage')
      ids.mavetid = await idOf('activities', 'mavetid')
      ids.programme = await idOf('programmes', 'ny-mor-i-danmark')
      // An editor's Danish draft of a published activity, a Somali draft of another, a document
      // never published, and a draft of the programme that municipalities relate to.
      await payload.update({ collection: 'activities', id: ids.babymassage, locale: 'da', draft: true, ...editor, data: { title: secrets[0], _status: 'draft' } })
      await payload.update({ collection: 'activities', id: ids.mavetid, locale: 'so', draft: true, ...editor, data: { title: secrets[1], _status: 'draft' } })
      await payload.create({ collection: 'activities', locale: 'da', draft: true, ...editor, data: { slug: 'aldrig-udgivet', title: secrets[2], _status: 'draft' } as never })
      await payload.update({ collection: 'programmes', id: ids.programme, locale: 'da', draft: true, ...editor, data: { name: secrets[3], _status: 'draft' } as never })
      ids.version = (await payload.findVersions({ collection: 'activities', where: { parent: { equals: ids.babymassage } }, sort: '-updatedAt', limit: 1, overrideAccess: true })).docs[0]!.id
      const media = (await payload.find({ collection: 'media', overrideAccess: true, limit: 1 })).docs[0]!
      Object.assign(picture, { id: String(media.id), filename: String(media.filename) })
    })
  })
  afterAll(async () => admin?.stop())

  const get = async (pathname: string) => {
    const { status, text } = await admin.anonymous.request('GET', pathname)
    return { status, body: text }
  }

  const questions = [
    '/api/activities?draft=true&locale=all&limit=200',
    '/api/activities?draft=true&locale=da&limit=200',
    '/api/activities?draft=true&limit=200',
    '/api/activities?locale=all&limit=200',
    '/api/activities?draft=true&locale=so&fallback-locale=da&limit=200',
    '/api/activities?draft=true&locale=all&where[slug][equals]=babymassage',
    '/api/activities?draft=true&where[title][like]=UDKAST',
    '/api/activities?draft=true&where[slug][equals]=aldrig-udgivet',
    '/api/activities/{babymassage}?draft=true&locale=all',
    '/api/activities/{babymassage}?draft=true',
    '/api/activities/{mavetid}?draft=true&locale=all&depth=2',
    '/api/municipalities?draft=true&depth=1&locale=all',
    '/api/municipalities?draft=true&depth=2',
    '/api/programmes?draft=true&locale=all',
    '/api/programmes/{programme}?draft=true',
    '/api/guides?draft=true&depth=2&locale=all',
  ]
  const expand = (q: string) => q.replace(/\{(\w+)\}/g, (_, k: string) => String(ids[k]))

  it.each(questions)('GET %s answers without any unpublished text', async (q) => {
    const { status, body } = await get(expand(q))
    expect(status, body.slice(0, 300)).toBe(200)
    for (const secret of secrets) expect(body.includes(secret), `${secret} in the answer`).toBe(false)
  })

  it('answers 404 for a document in a language it is not published in', async () => {
    const { status, body } = await get(expand('/api/activities/{mavetid}?draft=true&locale=so'))
    expect(status).toBe(404)
    for (const secret of secrets) expect(body.includes(secret), `${secret} in the answer`).toBe(false)
  })

  it('still shows the published text of the same documents', async () => {
    const { body } = await get(expand('/api/activities/{babymassage}?draft=true&locale=da'))
    expect((JSON.parse(body) as { title: string }).title).toBe('Babymassage')
  })

  it.each(['/api/activities/versions', '/api/activities/versions/{version}', '/api/programmes/versions?limit=100'])('GET %s is refused: versions are for the staff', async (q) => {
    const { status, body } = await get(expand(q).replace('{version}', String(ids.version)))
    expect(status).toBe(403)
    expect(body).toMatch(/not allowed/i)
    for (const secret of secrets) expect(body.includes(secret), `${secret} in the answer`).toBe(false)
  })

  it.each(['/api/media', '/api/media/{media}', '/api/media/file/{mediaFile}', '/api/videos?limit=10'])('GET %s is refused: uploads are for the staff (the site serves its own copies)', async (q) => {
    const { status, body } = await get(q.replace('{media}', String(picture.id)).replace('{mediaFile}', String(picture.filename)))
    expect(status).toBe(403)
    expect(body).toMatch(/not allowed/i)
  })

  it('the editor who wrote them sees the drafts', async () => {
    const signedIn = await admin.signIn('redaktoer@example.org', 'test-password-1')
    const a = await signedIn.request('GET', '/api/activities?draft=true&locale=da&where[slug][equals]=babymassage')
    expect(a.json<{ docs: Array<{ title: string }> }>().docs[0]!.title).toBe(secrets[0])
  })
})
