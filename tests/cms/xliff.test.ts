/**
 * XLIFF 2.0 through the CMS on both databases: a full locale out and back, an agency's changes in,
 * refusals that write nothing, outdated-only exports, drafts kept as drafts. Checked through the
 * export to content/, as the site and the report see the result.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentKinds, type ContentSet } from '../../content/collections.ts'
import { loadContent } from '../../content/load.ts'
import { documentStates, project, translatableFields } from '../../content/translations.ts'
import { applyUpdate, buildXliff, parseXliff, planImport, type CollectionDoc, type XliffDoc } from '../../content/xliff/index.ts'
import { exportContent } from '../../cms/sync/export.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { exportXliff, importXliff } from '../../cms/sync/xliff.ts'
import { databases, startTestCms, type TestCms } from '../support/cms.ts'
import { readTree, repoContent } from '../support/content.ts'
import { editTargets, unitsOf } from '../support/xliff.ts'

const reviewedMark = ' (مراجعة)'
const docsOf = (set: ContentSet): CollectionDoc[] => contentKinds.flatMap((collection) => (set[collection] as unknown as XliffDoc[]).map((doc) => ({ collection, doc })))
const byKey = (set: ContentSet) => new Map(docsOf(set).map((d) => [`${d.collection}/${d.doc.slug}`, d.doc]))
const withoutStatus = (doc: XliffDoc, locale: 'ar') => {
  const { translationStatus, ...rest } = doc
  const { [locale]: _, ...others } = translationStatus ?? {}
  return { ...rest, translationStatus: others }
}

describe.each(databases)('XLIFF on %s', (kind) => {
  let cms: TestCms
  let payload: Payload
  let out: string
  const exported = async () => {
    await exportContent(payload, out)
    return loadContent(out)
  }
  const idOf = async (collection: 'activities' | 'guides', slug: string) => (await payload.find({ collection, where: { slug: { equals: slug } }, overrideAccess: true, depth: 0 })).docs[0]!.id

  beforeAll(async () => {
    cms = await startTestCms(kind, 'xliff')
    payload = cms.payload
    out = await mkdtemp(path.join(tmpdir(), 'modersmal-xliff-'))
    await seedContent(payload, repoContent)
  })
  afterAll(async () => {
    await cms?.close()
    await rm(out, { recursive: true, force: true })
  })

  it('exports a full locale as XLIFF 2.0, the same file the content/ documents give', async () => {
    const result = await exportXliff(payload, { locale: 'ar' })
    const xml = result.xml!
    expect(xml).toMatch(/<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="da" trgLang="ar">/)
    const units = await unitsOf(xml)
    expect(units.length).toBe(result.units)
    expect(units.every((u) => u.source !== '' && u.notes.some((n) => /^sourceHash: [0-9a-f]{12}$/.test(n)))).toBe(true)
    expect(units.filter((u) => u.target !== undefined).length).toBeGreaterThan(300)
    expect(new Set([...xml.matchAll(/<file id="([a-z]+)">/g)].map((m) => m[1]))).toEqual(new Set(contentKinds))
    const fromFiles = await buildXliff(docsOf(await loadContent(repoContent)), { locale: 'ar' })
    expect(xml).toBe(fromFiles.xml)
  })

  it('round trip: importing an unchanged export changes nothing but the status', async () => {
    const { xml } = await exportXliff(payload, { locale: 'ar' })
    const report = await importXliff(payload, xml!, { status: 'reviewed' })
    expect(report.refused).toEqual([])
    expect(report.imported.length).toBeGreaterThan(40)
    const before = byKey(await loadContent(repoContent))
    const after = byKey(await exported())
    expect([...after.keys()]).toEqual([...before.keys()])
    for (const [key, doc] of after) expect(withoutStatus(doc, 'ar'), key).toEqual(withoutStatus(before.get(key)!, 'ar'))
    for (const d of report.imported) expect(after.get(`${d.collection}/${d.slug}`)!.translationStatus?.ar).toBe('reviewed')
    expect(report.imported.every((d) => d.fields.length === 0 && d.units === 0 && d.unchanged > 0)).toBe(true)
    // The demonstration content has outdated Arabic (julegaveleg tips): sent back unrevised, it stays outdated.
    expect(documentStates(after.get('activities/julegaveleg')!, 'ar').tips).toBe('outdated')
  })

  it("imports an agency's file: every field as planned, current, Danish and other languages untouched, lists as long as the Danish", async () => {
    const before = await exported()
    const { xml } = await exportXliff(payload, { locale: 'ar' })
    const filled = await editTargets(xml!, (u) => `${u.target ?? u.source}${reviewedMark}`)
    const report = await importXliff(payload, filled, { status: 'reviewed' })
    expect(report.refused).toEqual([])
    expect(report.skipped).toEqual([])

    // What the pure plan says the documents become…
    const parsed = await parseXliff(filled)
    const plan = planImport(parsed.units, 'ar', byKey(before))
    const expected = byKey(before)
    for (const u of plan.updates) expected.set(`${u.collection}/${u.slug}`, applyUpdate(expected.get(`${u.collection}/${u.slug}`)!, u, 'ar', 'reviewed'))
    // …is what the CMS holds.
    const after = await exported()
    const old = byKey(before)
    for (const [key, doc] of byKey(after)) {
      const want = expected.get(key)!
      for (const field of translatableFields(want)) {
        expect(project(doc[field], 'ar'), `${key} ${field} ar`).toEqual(project(want[field], 'ar'))
        for (const other of ['da', 'en', 'fa', 'uk'] as const) expect(project(doc[field], other), `${key} ${field} ${other}`).toEqual(project(old.get(key)![field], other))
      }
      expect(Object.values(documentStates(doc, 'ar')), key).not.toContain('outdated')
      expect(Object.values(documentStates(doc, 'ar')), key).not.toContain('missing')
    }
    const massage = after.activities.find((a) => a.slug === 'babymassage')!
    expect(massage.title.ar).toBe(`تدليك الرضيع${reviewedMark}`)
    // Steps: same items, same order; keywords: the Arabic had 5 for 8 Danish, now one per Danish item.
    const oldMassage = before.activities.find((a) => a.slug === 'babymassage')!
    expect(massage.steps.ar).toEqual(oldMassage.steps.ar!.map((s) => `${s}${reviewedMark}`))
    expect(massage.keywords!.ar).toEqual(oldMassage.keywords!.da!.map((k) => `${k}${reviewedMark}`))
    expect(massage.translationStatus).toEqual({ en: 'machine', ar: 'reviewed' })
    const aarhus = after.municipalities.find((m) => m.slug === 'aarhus')!
    expect(aarhus.localOffers!.map((o) => o.description.ar)).toEqual(aarhus.localOffers!.map((o) => `${o.description.da}${reviewedMark}`))
  })

  it('keeps Markdown in a guide body byte for byte', async () => {
    const body = [
      '## Tandbørstning & fluor',
      '',
      'Brug tandpasta **med fluor** og *kun en lille smule*. Læs mere hos [tandplejen](https://example.org/tand?a=1&b=2).',
      '',
      '- Morgen',
      '- Aften, det vigtigste',
      '',
      '1. Læg barnet på skødet.',
      '2. Børst alle sider.',
      '',
      '> Spørg, hvis du er i tvivl: 3 < 4 & 5 > 2.',
    ].join('\n')
    const { xml } = await exportXliff(payload, { locale: 'ar', collections: ['guides'] })
    const file = await editTargets(xml!, (u) => (u.id === 'guides.brushing-baby-teeth.body' ? body : undefined))
    expect(file).toContain('3 &lt; 4 &amp; 5 &gt; 2')
    const report = await importXliff(payload, file, { status: 'machine' })
    expect(report.refused).toEqual([])
    const guide = (await exported()).guides.find((g) => g.slug === 'brushing-baby-teeth')!
    expect(guide.body.ar).toBe(body)
  })

  it('exports only outdated fields with --outdated-only', async () => {
    const id = await idOf('activities', 'babymassage')
    await payload.update({ collection: 'activities', id, locale: 'da', overrideAccess: true, data: { tips: 'Gør grebene langsomt, og stop, hvis babyen græder.', _status: 'published' } })
    const { xml } = await exportXliff(payload, { locale: 'ar', outdatedOnly: true })
    const units = await unitsOf(xml!)
    expect(units.map((u) => u.id)).toEqual(['activities.babymassage.tips'])
    expect(units[0]!.source).toBe('Gør grebene langsomt, og stop, hvis babyen græder.')
    expect(units[0]!.target!.endsWith(reviewedMark)).toBe(true) // the old translation, to revise
  })

  it('refuses a whole file when the Danish of one unit changed after the export, and writes nothing', async () => {
    const { xml } = await exportXliff(payload, { locale: 'ar' })
    const filled = await editTargets(xml!, (u) => `${u.target ?? u.source} (ny)`)
    const id = await idOf('activities', 'babymassage')
    await payload.update({ collection: 'activities', id, locale: 'da', overrideAccess: true, data: { cautions: 'Brug ingen æteriske olier.', _status: 'published' } })
    const snapshot = await exported().then(() => readTree(out))
    const report = await importXliff(payload, filled, { status: 'reviewed' })
    expect(report.imported).toEqual([])
    expect(report.refused).toEqual([{ unit: 'activities.babymassage.cautions', reason: 'the Danish text of activities/babymassage cautions changed since this file was made; export again' }])
    await exportContent(payload, out)
    expect(await readTree(out)).toEqual(snapshot)
    const guide = (await loadContent(out)).guides.find((g) => g.slug === 'food-and-sleep')!
    expect(guide.title.ar).not.toMatch(/\(ny\)$/)
  })

  it('refuses unknown documents, fields and languages, naming each unit, and writes nothing', async () => {
    const { xml } = await exportXliff(payload, { locale: 'ar', collections: ['media'] })
    const hash = (await unitsOf(xml!))[0]!.notes.find((n) => n.startsWith('sourceHash'))!
    const extra = (id: string) => `<unit id="${id}"><notes><note>${hash}</note></notes><segment><source>x</source><target>y</target></segment></unit>`
    const file = xml!.replace('</file>', `${extra('media.findes-ikke.alt')}${extra('media.mor-og-baby.caption')}${extra('media..alt')}</file>`)
    const snapshot = await exported().then(() => readTree(out))
    const report = await importXliff(payload, await editTargets(file, (u) => `${u.target ?? u.source}!`), { status: 'machine' })
    expect(report.imported).toEqual([])
    expect(report.refused.sort((a, b) => a.unit.localeCompare(b.unit))).toEqual([
      { unit: 'media..alt', reason: expect.stringMatching(/^malformed unit id/) },
      { unit: 'media.findes-ikke.alt', reason: 'there is no media document "findes-ikke"' },
      { unit: 'media.mor-og-baby.caption', reason: 'media/mor-og-baby has no field "caption" with Danish text to translate' },
    ])
    await exportContent(payload, out)
    expect(await readTree(out)).toEqual(snapshot)

    await expect(exportXliff(payload, { locale: 'da' })).rejects.toThrow('"da" (Danish) is the source language')
    await expect(exportXliff(payload, { locale: 'xx' })).rejects.toThrow('Unknown locale "xx"')
    for (const [trg, reason] of [
      ['da', /the source language/],
      ['xx', /^trgLang "xx" is not a language of Modersmål/],
    ] as const) {
      const r = await importXliff(payload, xml!.replace('trgLang="ar"', `trgLang="${trg}"`), { status: 'machine' })
      expect(r.refused).toEqual([{ unit: '(file)', reason: expect.stringMatching(reason) }])
    }
  })

  it('keeps a draft a draft: the translation goes into the draft, the published version stays', async () => {
    const id = await idOf('activities', 'spejlleg')
    await payload.update({ collection: 'activities', id, locale: 'da', draft: true, overrideAccess: true, data: { title: 'Spejlleg (kladde)', _status: 'draft' } })
    const publishedBefore = (await exported()).activities.find((a) => a.slug === 'spejlleg')!
    const { xml } = await exportXliff(payload, { locale: 'ar', collections: ['activities'] })
    const file = await editTargets(xml!, (u) => (u.id === 'activities.spejlleg.title' ? 'لعبة المرآة (مسودة)' : u.id === 'activities.babymassage.title' ? 'تدليك' : null))
    const report = await importXliff(payload, file, { status: 'machine' })
    expect(report.refused).toEqual([])
    expect(report.imported.map((d) => d.slug).sort()).toEqual(['babymassage', 'spejlleg'])
    const after = await exported()
    expect(after.activities.find((a) => a.slug === 'spejlleg')).toEqual(publishedBefore)
    expect(after.activities.find((a) => a.slug === 'babymassage')!.title.ar).toBe('تدليك')
    const draft = await payload.findByID({ collection: 'activities', id, locale: 'ar', draft: true, fallbackLocale: false, overrideAccess: true })
    expect(draft.title).toBe('لعبة المرآة (مسودة)')
    expect(draft._status).toBe('draft')
  })
})
