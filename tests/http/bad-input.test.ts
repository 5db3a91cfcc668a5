/**
 * Bad input over HTTP, as an editor's browser (or a careless script) would send it, to the real
 * admin (production server behind its gate) on both databases: each request is refused with a
 * status and a message that say what is wrong, nothing is written, and the next publish (export,
 * then a site build) still works. The gate's own limits are tested in tests/cms/gate.test.ts.
 */
import { rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { Payload, RichTextField } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeCms, openCms } from '../../cms/boot.ts'
import { dataFields } from '../../cms/fields/walk.ts'
import { exportContent } from '../../cms/sync/export.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { buildSite } from '../../site/build/build-site.ts'
import { createStaff, databases, testSecret } from '../support/cms.ts'
import { copyOfContent, repoContent } from '../support/content.ts'
import { startHttpAdmin, type Client, type HttpAdmin } from '../support/http-admin.ts'

interface Case {
  /** What is wrong, as the test's name. */
  what: string
  method: 'POST' | 'PATCH'
  /** {activity}, {municipality}, {guide} stand for the seeded documents' ids. */
  path: string
  /** A JSON body (an object), or raw text sent as JSON. */
  body: unknown
  /** A guide body written as Markdown: sent as the rich text the admin's editor makes of it. */
  markdown?: string
  status: number
  message: RegExp
}

const patchActivity = (what: string, data: unknown, message: RegExp, status = 400): Case => ({ what, method: 'PATCH', path: '/api/activities/{activity}?locale=da', body: data, status, message })
const patchMunicipality = (what: string, data: unknown, message: RegExp): Case => ({ what, method: 'PATCH', path: '/api/municipalities/{municipality}?locale=da', body: data, status: 400, message })
const patchGuide = (what: string, markdown: string, message: RegExp): Case => ({ what, method: 'PATCH', path: '/api/guides/{guide}?locale=da', body: {}, markdown, status: 400, message })

const cases: Case[] = [
  // The request itself.
  { what: 'malformed JSON', method: 'PATCH', path: '/api/activities/{activity}?locale=da', body: '{"title": "Babymassage",', status: 400, message: /Invalid JSON/ },
  { what: 'a JSON array instead of an object', method: 'PATCH', path: '/api/activities/{activity}?locale=da', body: '[1,2,3]', status: 400, message: /The request body must be a JSON object/ },
  { what: 'a language the site does not have', method: 'PATCH', path: '/api/activities/{activity}?locale=xx', body: { title: 'Xx' }, status: 400, message: /Unknown language "xx"/ },
  { what: 'a bare string as the body', method: 'PATCH', path: '/api/activities/{activity}?locale=da', body: '"Babymassage"', status: 400, message: /The request body must be a JSON object of fields/ },
  { what: 'null as the body', method: 'PATCH', path: '/api/activities/{activity}?locale=da', body: 'null', status: 400, message: /The request body must be a JSON object of fields|Invalid JSON/ },
  {
    what: 'a fallback language the site does not have',
    method: 'PATCH',
    path: '/api/activities/{activity}?locale=ar&fallback-locale=zz',
    body: { title: 'تدليك' },
    status: 400,
    message: /Unknown language "zz" in fallback-locale/,
  },
  { what: 'a language code in capitals', method: 'PATCH', path: '/api/activities/{activity}?locale=DA', body: { title: 'Store bogstaver' }, status: 400, message: /Unknown language "DA" in locale/ },
  {
    what: 'a new activity with nothing but a slug',
    method: 'POST',
    path: '/api/activities?locale=da',
    body: { slug: 'kun-et-navn' },
    status: 400,
    message: /title: This field is required in Danish/,
  },
  {
    what: 'a picture that does not exist',
    method: 'PATCH',
    path: '/api/activities/{activity}?locale=da',
    body: { images: [999999] },
    status: 400,
    message: /images: there is no media document with id 999999/,
  },
  {
    what: 'a programme that does not exist',
    method: 'PATCH',
    path: '/api/municipalities/{municipality}?locale=da',
    body: { programme: 999999 },
    status: 400,
    message: /programme: there is no programmes document with id 999999/,
  },
  { what: 'a document that does not exist', method: 'PATCH', path: '/api/activities/999999?locale=da', body: { title: 'Nobody' }, status: 404, message: /Not Found/ },
  // Numbers and ranges.
  patchActivity('a duration below five minutes', { durationMinutes: 2 }, /durationMinutes: Too small: expected number to be >=5/),
  patchActivity('a duration of a whole day', { durationMinutes: 2000 }, /durationMinutes: Too big: expected number to be <=480/),
  patchActivity('a duration in words', { durationMinutes: 'half an hour' }, /durationMinutes: Invalid input: expected number/),
  patchActivity('a fractional duration', { durationMinutes: 12.5 }, /durationMinutes: Invalid input: expected int/),
  patchActivity('a baby age range whose minimum is above its maximum', { babyAgeMonths: { min: 12, max: 3 } }, /min must not exceed max \(months\)/),
  patchActivity('a baby age beyond two years', { babyAgeMonths: { min: 0, max: 60 } }, /babyAgeMonths\.max: Too big: expected number to be <=24/),
  patchActivity('a negative baby age', { babyAgeMonths: { min: -1, max: 3 } }, /babyAgeMonths\.min: Too small: expected number to be >=0/),
  patchActivity('a group size whose minimum is above its maximum', { groupSize: { min: 10, max: 2 } }, /min must not exceed max \(mothers\)/),
  patchActivity('a group of a hundred mothers', { groupSize: { min: 1, max: 100 } }, /groupSize\.max: Too big: expected number to be <=40/),
  // Vocabularies.
  patchActivity('a theme that does not exist', { themes: ['astrology'] }, /themes\.0: Invalid option: expected one of "health"/),
  patchActivity('no theme at all', { themes: [] }, /themes: Invalid input: expected array/),
  patchActivity('a season that does not exist', { seasons: ['monsoon'] }, /seasons\.0: Invalid option: expected one of "all-year"/),
  patchActivity('no season at all', { seasons: [] }, /seasons: Invalid input: expected array/),
  patchActivity('a group phase that does not exist', { groupPhase: 'forever' }, /groupPhase: Invalid option: expected one of/),
  patchActivity('a guest kind that does not exist', { guest: 'magician' }, /guest: Invalid option: expected one of/),
  patchActivity('a materials level that does not exist', { materialsLevel: 'lots' }, /materialsLevel: Invalid option: expected one of/),
  patchActivity('yes or no written as a word', { worksWithoutSharedLanguage: 'maybe' }, /worksWithoutSharedLanguage: Invalid input: expected boolean/),
  // Names and slugs.
  patchActivity('a slug with capitals and spaces', { slug: 'Baby Massage' }, /slug: must be lower-case letters, digits and single hyphens/),
  patchActivity('a slug with a slash', { slug: 'baby/massage' }, /slug: must be lower-case letters, digits and single hyphens/),
  patchActivity('the reserved slug "plan" (the week plan lives there)', { slug: 'plan' }, /slug: "plan" is taken by a page of the site/),
  patchActivity('an empty title', { title: '' }, /title: the Danish source text is required/),
  patchActivity('a title of spaces only', { title: '   ' }, /title: must not be empty/),
  patchActivity('a slug already used by another activity', { slug: 'mavetid' }, /slug: Value must be unique/),
  patchMunicipality('a municipality named like a fixed page ("guides")', { slug: 'guides' }, /slug: "guides" is taken by a page of the site/),
  patchMunicipality('a municipality named like the fixed pages\' folder ("info")', { slug: 'info' }, /slug: "info" is taken by a page of the site/),
  // Dates, times, places, contacts.
  patchMunicipality('a postal code of three digits', { venue: { postalCode: '800' } }, /venue\.postalCode: must be a 4-digit Danish postal code/),
  patchMunicipality('a latitude off the globe', { venue: { geo: { lat: 123, lng: 10 } } }, /venue\.geo\.lat: Too big: expected number to be <=90/),
  patchMunicipality("a start time of 25 o'clock", { schedule: { startTime: '25:00' } }, /schedule\.startTime: must be a time written HH:MM \(24-hour\)/),
  patchMunicipality('a meeting that ends before it starts', { schedule: { startTime: '12:00', endTime: '09:00' } }, /startTime must be before endTime/),
  patchMunicipality('a round whose end is before its start', { schedule: { rounds: [{ startDate: '2031-05-01', endDate: '2031-01-01' }] } }, /startDate must not be after endDate/),
  patchMunicipality(
    'a date written the Danish way round',
    { schedule: { rounds: [{ startDate: '01-05-2031', endDate: '2031-09-01' }] } },
    /schedule\.rounds\.0\.startDate: must be a date written YYYY-MM-DD/,
  ),
  patchMunicipality('an e-mail address without an @', { contact: { email: 'kontakt.example.org' } }, /contact\.email: must be an e-mail address/),
  patchMunicipality('a phone number without the country code', { contact: { phone: '12345678' } }, /contact\.phone: must be an international number such as \+4512345678/),
  patchMunicipality('a WhatsApp group invite on a public page', { contact: { whatsappUrl: 'https://chat.whatsapp.com/AbCdEf' } }, /invite link, which must never be public/),
  patchMunicipality(
    'a local offer whose address has no scheme',
    { localOffers: [{ kind: 'familiehus', name: 'Familiehuset', url: 'www.example.org', description: 'Åbent hus' }] },
    /localOffers\.0\.url: must be an http\(s\) URL/,
  ),
  patchMunicipality('a local offer of a kind that does not exist', { localOffers: [{ kind: 'casino', name: 'Kasino', description: 'Spil' }] }, /localOffers\.0\.kind: Invalid option: expected one of/),
  // Markdown in guides.
  patchGuide('a link that runs script', 'Læs [her](javascript:alert(1)).', /body: the link "javascript:alert\(1\)" is not allowed: links go to http\(s\), mailto: or tel:/),
  patchGuide('a link that runs script, entity-encoded', 'Læs [her](jav&#x61;script:alert(1)).', /body: the link "jav&#x61;script:alert\(1\)" is not allowed/),
  patchGuide('a link that runs script, as an autolink', 'Se <javascript:alert(1)>', /body: the link "javascript:alert\(1\)" is not allowed/),
  patchGuide('a data: link', 'Se [her](data:text/html;base64,PHNjcmlwdD4=).', /body: the link .* is not allowed/),
  patchGuide(
    'a picture from another website',
    '![baby](https://tracker.example.com/pixel.png)',
    /body: the image "https:\/\/tracker\.example\.com\/pixel\.png" is not allowed: images come from the site itself/,
  ),
  patchGuide('a vbscript: link', '[x](vbscript:msgbox)', /body: the link .* is not allowed/),
  patchGuide('an empty body', '', /body: the Danish source text is required/),
]

describe.each(databases)('bad input over HTTP on %s', (kind) => {
  let admin: HttpAdmin
  let editor: Client
  let staffAdmin: Client
  const ids: Record<string, number | string> = {}
  const before: Record<string, unknown> = {}
  /** Each guide case's Markdown as the rich text the admin's editor makes of it (Lexical). */
  const richTexts = new Map<string, unknown>()

  const read = async (pathname: string) => {
    const a = await staffAdmin.request('GET', pathname)
    expect(a.status, a.text.slice(0, 300)).toBe(200)
    return a.json()
  }
  const stored = async () => ({
    activity: await read(`/api/activities/${ids.activity}?locale=all&depth=0&draft=true`),
    municipality: await read(`/api/municipalities/${ids.municipality}?locale=all&depth=0&draft=true`),
    guide: await read(`/api/guides/${ids.guide}?locale=all&depth=0&draft=true`),
    media: (await read('/api/media?limit=1')).totalDocs,
    audit: (await read('/api/audit-events?limit=1')).totalDocs,
  })

  beforeAll(async () => {
    admin = await startHttpAdmin(kind, 'badinput', async (payload: Payload) => {
      await seedContent(payload, repoContent)
      await createStaff(payload, 'editor')
      await createStaff(payload, 'admin')
      const idOf = async (collection: 'activities' | 'municipalities' | 'guides', slug: string) =>
        (await payload.find({ collection, where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!.id
      ids.activity = await idOf('activities', 'babymassage')
      ids.municipality = await idOf('municipalities', 'aarhus')
      ids.guide = await idOf('guides', 'breastfeeding')
      const field = dataFields(payload.collections.guides.config.fields).find((f) => f.name === 'body') as RichTextField
      for (const c of cases) if (c.markdown !== undefined) richTexts.set(c.what, convertMarkdownToLexical({ markdown: c.markdown, editorConfig: editorConfigFactory.fromField({ field }) }))
    })
    editor = await admin.signIn('editor@example.org', 'test-password-1')
    staffAdmin = await admin.signIn('admin@example.org', 'test-password-1')
    Object.assign(before, await stored())
  })
  afterAll(async () => admin?.stop())

  it.each(cases.map((c) => [c.what, c] as const))('refuses %s, saying what is wrong', async (_, c) => {
    const pathname = c.path.replace(/\{(\w+)\}/g, (_m, k: string) => String(ids[k]))
    const body = c.markdown === undefined ? c.body : { body: richTexts.get(c.what) }
    const a = await editor.request(c.method, pathname, { raw: typeof body === 'string' ? body : JSON.stringify(body), contentType: 'application/json' })
    expect(a.status, a.text.slice(0, 400)).toBe(c.status)
    expect(a.said).toMatch(c.message)
  })
  const picture = async () =>
    sharp({ create: { width: 16, height: 16, channels: 3, background: '#c33' } })
      .png()
      .toBuffer()
  const uploads: Array<{ what: string; name: string; type: string; data: () => Promise<Buffer>; fields?: Record<string, string>; status: number; message: RegExp }> = [
    {
      what: 'a text file named .jpg',
      name: 'foto.jpg',
      type: 'image/jpeg',
      data: async () => Buffer.from('not a picture at all'),
      status: 400,
      message: /file: File type text\/plain \(from extension jpg\) is not allowed/,
    },
    {
      what: 'an SVG (it can carry script)',
      name: 'logo.svg',
      type: 'image/svg+xml',
      data: async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      status: 400,
      message: /file: Invalid MIME type: image\/svg\+xml/,
    },
    {
      what: 'an HTML page named .png',
      name: 'side.png',
      type: 'image/png',
      data: async () => Buffer.from('<!doctype html><script>alert(1)</script>'),
      status: 400,
      message: /file: Invalid MIME type/,
    },
    { what: 'an empty file', name: 'tom.png', type: 'image/png', data: async () => Buffer.alloc(0), status: 400, message: /file: File type text\/plain \(from extension png\) is not allowed/ },
    { what: 'a picture without its description (alt text)', name: 'uden-alt.png', type: 'image/png', data: picture, fields: { slug: 'uden-alt' }, status: 400, message: /^alt: / },
    {
      what: 'a picture with a slug in capitals',
      name: 'stort.png',
      type: 'image/png',
      data: picture,
      fields: { slug: 'Stort Billede', alt: 'Et billede' },
      status: 400,
      message: /slug: must be lower-case letters, digits and single hyphens/,
    },
  ]

  it.each(uploads.map((u) => [u.what, u] as const))('refuses an upload of %s, saying why', async (_, u) => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await u.data())], { type: u.type }), u.name)
    form.append('_payload', JSON.stringify(u.fields ?? { slug: 'et-billede', alt: 'Et billede' }))
    const a = await editor.request('POST', '/api/media?locale=da', { form })
    expect(a.status, a.text.slice(0, 400)).toBe(u.status)
    expect(a.said).toMatch(u.message)
  })

  /** Bodies that claim to be a form upload and are not one. */
  const multipart = (parts: string, boundary = 'graense') => `--${boundary}\r\n${parts}`
  const malformed: Array<{ what: string; contentType: string; body: string; status: number; message: RegExp }> = [
    {
      what: 'a form upload without its boundary',
      contentType: 'multipart/form-data',
      body: multipart('Content-Disposition: form-data; name="alt"\r\n\r\nEt billede\r\n--graense--\r\n'),
      status: 400,
      message: /not a well-formed form upload \(multipart\/form-data\): its Content-Type gives no usable boundary/,
    },
    {
      what: 'a form upload cut off mid-file',
      contentType: 'multipart/form-data; boundary=graense',
      body: multipart('Content-Disposition: form-data; name="file"; filename="halv.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n'),
      status: 400,
      message: /not a well-formed form upload \(multipart\/form-data\): Unexpected end of form/,
    },
    {
      what: 'a form upload whose document fields are not JSON',
      contentType: 'multipart/form-data; boundary=graense',
      body: multipart('Content-Disposition: form-data; name="_payload"\r\n\r\n{"alt": "Et billede",\r\n--graense--\r\n'),
      status: 400,
      message: /its document fields \(_payload\) are not valid JSON/,
    },
    {
      what: 'a form upload with no file in it',
      contentType: 'multipart/form-data; boundary=graense',
      body: multipart('Content-Disposition: form-data; name="_payload"\r\n\r\n{"alt": "Et billede", "slug": "uden-fil"}\r\n--graense--\r\n'),
      status: 400,
      message: /No files were uploaded/,
    },
    {
      what: 'a form upload whose boundary is not plain ASCII',
      contentType: 'multipart/form-data; boundary=grænse',
      body: '--grænse\r\nContent-Disposition: form-data; name="alt"\r\n\r\nEt billede\r\n--grænse--\r\n',
      status: 400,
      message: /its Content-Type gives no usable boundary/,
    },
    {
      what: 'JSON sent as a form upload',
      contentType: 'multipart/form-data; boundary=graense',
      body: '{"alt": "Et billede", "slug": "json-som-form"}',
      status: 400,
      message: /not a well-formed form upload \(multipart\/form-data\): Unexpected end of form/,
    },
  ]

  it.each(malformed.map((m) => [m.what, m] as const))('refuses %s, saying why', async (_, m) => {
    const a = await editor.request('POST', '/api/media?locale=da', { raw: m.body, contentType: m.contentType })
    expect(a.status, a.text.slice(0, 400)).toBe(m.status)
    expect(a.said).toMatch(m.message)
  })

  it('wrote nothing: the documents, the uploads and the audit log are as they were, and the next publish works', async () => {
    expect(await stored()).toEqual(before)
    const contentDir = await copyOfContent()
    const payload = await openCms({ database: { url: admin.databaseUrl }, dataDir: admin.dataDir, secret: testSecret, key: `badinput-export-${kind}`, migrate: false })
    try {
      const result = await exportContent(payload, contentDir)
      expect(result.counts.activities).toBeGreaterThan(0)
    } finally {
      await closeCms(payload)
    }
    const outDir = `${contentDir}-dist`
    try {
      await buildSite({ root: path.resolve(import.meta.dirname, '../..'), contentDir, outDir })
      expect(existsSync(path.join(outDir, 'da', 'activities', 'babymassage', 'index.html'))).toBe(true)
    } finally {
      for (const dir of [contentDir, outDir]) await rm(dir, { recursive: true, force: true })
    }
  })
})
