import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentKinds } from '../../content/collections.ts'
import { filmFilesDir, loadContent } from '../../content/load.ts'
import { exportContent } from '../../cms/sync/export.ts'
import { DatabaseNotEmptyError, seedContent } from '../../cms/sync/seed.ts'
import { databases, startTestCms, type TestCms } from '../support/cms.ts'
import { copyOfContent, readTree, repoContent } from '../support/content.ts'
import { makeVideo } from '../support/video.ts'

describe.each(databases)('content/ round trip on %s', (kind) => {
  let cms: TestCms
  let out: string

  beforeAll(async () => {
    cms = await startTestCms(kind, 'roundtrip')
    out = await mkdtemp(path.join(tmpdir(), 'modersmal-export-'))
    await seedContent(cms.payload, repoContent)
  })
  afterAll(async () => {
    await cms?.close()
    await rm(out, { recursive: true, force: true })
  })

  it('seed then export reproduces content/ byte for byte', async () => {
    const result = await exportContent(cms.payload, out)
    expect(result.warnings).toEqual([])
    const expected = await readTree(repoContent, [...contentKinds])
    const actual = await readTree(out, [...contentKinds])
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [file, bytes] of expected) {
      // Compare as text first for a readable diff, then as bytes.
      expect(actual.get(file)?.toString('utf8'), file).toBe(bytes.toString('utf8'))
      expect(actual.get(file)!.equals(bytes), file).toBe(true)
    }
  })

  it('seeds a version of every document that reads back as content/ too (the draft preview reads versions)', async () => {
    const preview = await mkdtemp(path.join(tmpdir(), 'modersmal-export-drafts-'))
    try {
      const result = await exportContent(cms.payload, preview, { drafts: true })
      expect(result.warnings).toEqual([])
      const expected = await readTree(repoContent, [...contentKinds])
      const actual = await readTree(preview, [...contentKinds])
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort())
      for (const [file, bytes] of expected) expect(actual.get(file)?.toString('utf8'), file).toBe(bytes.toString('utf8'))
    } finally {
      await rm(preview, { recursive: true, force: true })
    }
  })

  it("remembers a municipality's old slug when it is renamed, and exports it", async () => {
    const { payload } = cms
    const { docs } = await payload.find({ collection: 'municipalities', where: { slug: { equals: 'fredericia' } }, overrideAccess: true })
    await payload.update({ collection: 'municipalities', id: docs[0]!.id, overrideAccess: true, data: { slug: 'fredericia-centrum' } })
    await exportContent(payload, out)
    const renamed = (await loadContent(out)).municipalities.find((m) => m.shortCode === 'FRE')!
    expect(renamed.slug).toBe('fredericia-centrum')
    expect(renamed.formerSlugs).toEqual(['fredericia'])
    await payload.update({ collection: 'municipalities', id: docs[0]!.id, overrideAccess: true, data: { slug: 'fredericia' } })
    const back = await payload.findByID({ collection: 'municipalities', id: docs[0]!.id, overrideAccess: true })
    // Renamed back: the slug is current again, and the detour is remembered.
    expect(back.formerSlugs).toEqual(['fredericia-centrum'])
  })

  it('refuses to seed a database that already holds content', async () => {
    await expect(seedContent(cms.payload, repoContent)).rejects.toBeInstanceOf(DatabaseNotEmptyError)
  })

  it('never exports fallback text as a translation', async () => {
    const { payload } = cms
    const doc = await payload.create({
      collection: 'activities',
      locale: 'da',
      overrideAccess: true,
      data: {
        slug: 'kun-paa-dansk',
        title: 'Kun på dansk',
        summary: 'Endnu ikke oversat.',
        purpose: 'At vise, at der ikke eksporteres reservetekst.',
        steps: [{ text: 'Et trin.' }],
        materialsLevel: 'none',
        durationMinutes: 15,
        babyAgeMonths: { min: 0, max: 12 },
        groupSize: { min: 2, max: 8 },
        groupPhase: 'any',
        themes: ['community'],
        guest: 'none',
        worksWithoutSharedLanguage: true,
        seasons: ['all-year'],
        _status: 'published',
      },
    })
    // The trap: reading Arabic returns the Danish text, marked published.
    const ar = await payload.findByID({ collection: 'activities', id: doc.id, locale: 'ar', overrideAccess: true })
    expect(ar.title).toBe('Kun på dansk')
    expect(ar._status).toBe('published')

    await exportContent(cms.payload, out)
    const set = await loadContent(out)
    const exported = set.activities.find((a) => a.slug === 'kun-paa-dansk')!
    expect(exported.title).toEqual({ da: 'Kun på dansk' })
    expect(exported.translationStatus).toBeUndefined()
    await payload.delete({ collection: 'activities', id: doc.id, overrideAccess: true })
  })

  it('exports the published version, not a newer draft, and no draft-only document', async () => {
    const { payload } = cms
    const { docs } = await payload.find({ collection: 'activities', where: { slug: { equals: 'babymassage' } }, overrideAccess: true, locale: 'da' })
    const massage = docs[0]!
    await payload.update({ collection: 'activities', id: massage.id, locale: 'da', draft: true, overrideAccess: true, data: { title: 'Kladde: ny titel', _status: 'draft' } })
    await payload.create({
      collection: 'programmes',
      locale: 'da',
      overrideAccess: true,
      draft: true,
      data: { slug: 'kladde-program', name: 'Kladde', organisation: 'Test', description: 'x', targetGroup: 'y', _status: 'draft' },
    })
    await exportContent(payload, out)
    const set = await loadContent(out)
    expect(set.activities.find((a) => a.slug === 'babymassage')!.title.da).toBe(massage.title)
    expect(set.programmes.map((p) => p.slug)).not.toContain('kladde-program')
  })

  it('exports each language as published in it: a Somali draft stays out, its publish comes in as unreviewed', async () => {
    const { payload } = cms
    const { docs } = await payload.find({ collection: 'activities', where: { slug: { equals: 'mavetid' } }, overrideAccess: true, locale: 'da' })
    const id = docs[0]!.id
    const somali = 'Waqtiga caloosha'
    await payload.update({ collection: 'activities', id, locale: 'so', draft: true, overrideAccess: true, data: { title: somali, _status: 'draft' } })
    await exportContent(payload, out)
    expect((await loadContent(out)).activities.find((a) => a.slug === 'mavetid')!.title.so).toBeUndefined()
    // Published without anyone saying how far it can be trusted: exported as machine (unreviewed).
    await payload.update({ collection: 'activities', id, locale: 'so', overrideAccess: true, data: { title: somali, _status: 'published' } })
    await exportContent(payload, out)
    const exported = (await loadContent(out)).activities.find((a) => a.slug === 'mavetid')!
    expect(exported.title.so).toBe(somali)
    expect(exported.translationStatus?.so).toBe('machine')
  })
})

describe.each(databases)('a film with its own video round-trips on %s', (kind) => {
  let cms: TestCms
  let content: string
  let out: string

  beforeAll(async () => {
    content = await copyOfContent()
    await mkdir(filmFilesDir(content), { recursive: true })
    makeVideo('mp4', 2, path.join(filmFilesDir(content), 'om-moedregrupperne.mp4'))
    const file = path.join(content, 'films', 'om-moedregrupperne.yaml')
    const yaml = await readFile(file, 'utf8')
    await writeFile(file, yaml.replace('poster: film-plakat\n', 'poster: film-plakat\nvideo: om-moedregrupperne.mp4\n'))
    cms = await startTestCms(kind, 'videotrip')
    out = await mkdtemp(path.join(tmpdir(), 'modersmal-export-'))
    await seedContent(cms.payload, content)
  })
  afterAll(async () => {
    await cms?.close()
    await rm(out, { recursive: true, force: true })
    await rm(content, { recursive: true, force: true })
  })

  it('uploads the video on seed and exports it and the film byte for byte', async () => {
    const { docs } = await cms.payload.find({ collection: 'videos', overrideAccess: true })
    expect(docs.map((d) => [d.filename, d.mimeType])).toEqual([['om-moedregrupperne.mp4', 'video/mp4']])
    await exportContent(cms.payload, out)
    const expected = await readTree(content, ['films'])
    const actual = await readTree(out, ['films'])
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [file, bytes] of expected) expect(actual.get(file)!.equals(bytes), file).toBe(true)
    expect((await loadContent(out)).films[0]!.video).toBe('om-moedregrupperne.mp4')
  })

  it('refuses to seed again, also where only videos are left', async () => {
    const { payload } = cms
    for (const kind of contentKinds) await payload.delete({ collection: kind, where: { id: { exists: true } }, overrideAccess: true })
    await expect(seedContent(payload, content)).rejects.toThrow('The database already holds 1 videos; seed loads only into an empty database.')
  })
})
