/**
 * XLIFF 2.0 from content documents and back (content/xliff/), without a CMS: the file's shape,
 * unit ids, the hash in every unit, text that must survive (Markdown, WebVTT, &, <, line breaks),
 * lists item by item, and every kind of refusal.
 */
import { describe, expect, it } from 'vitest'
import { documentStates, sourceHash, stampHashes } from '../../content/translations.ts'
import { applyUpdate, buildXliff, parseXliff, planImport, type CollectionDoc, type XliffDoc } from '../../content/xliff/index.ts'
import { editTargets, unitsOf } from '../support/xliff.ts'

const markdown = [
  '## Tænder & tandbørster',
  '',
  'Brug tandpasta **med fluor** og *kun lidt*. Læs mere på [sundhed.dk](https://example.org/?a=1&b=2).',
  '',
  '1. Børst morgen <og> aften.',
  '2. Spyt ud, skyl ikke.',
  '',
  '> Spørg tandplejen.',
].join('\n')
const markdownAr = markdown.replace('Tænder', 'الأسنان').replace('Spørg tandplejen.', 'اسألي عيادة الأسنان.')
const vtt = 'WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\nVelkommen!\n'

function fixture(): CollectionDoc[] {
  const activity: XliffDoc = {
    slug: 'sang',
    title: { da: 'Sang', en: 'Song', ar: 'أغنية' },
    steps: { da: ['Syng', 'Klap', 'Hvil'], ar: ['غنّي', 'صفّقي', 'استريحي'] },
    keywords: { da: ['sang', 'musik', 'rytme'], ar: ['غناء'] },
    tips: { da: 'Syng langsomt.' },
    durationMinutes: 30,
    translationStatus: { en: 'machine', ar: 'machine' },
  }
  activity.sourceHashes = { en: stampHashes(activity, 'en'), ar: stampHashes(activity, 'ar') }
  const municipality: XliffDoc = {
    slug: 'aarhus',
    name: { da: 'Aarhus', ar: 'آرهوس' },
    venue: { name: 'Huset', directions: { da: 'Gå ind\nad bagdøren', ar: 'ادخلي' } },
    localOffers: [
      { name: 'A', description: { da: 'Åben rådgivning', ar: 'استشارة مفتوحة' } },
      { name: 'B', description: { da: 'Babysang' } },
    ],
    translationStatus: { ar: 'machine' },
  }
  municipality.sourceHashes = { ar: stampHashes(municipality, 'ar') }
  const guide: XliffDoc = { slug: 'taender', title: { da: 'Tænder', ar: 'الأسنان' }, body: { da: markdown, ar: markdownAr }, translationStatus: { ar: 'machine' } }
  guide.sourceHashes = { ar: stampHashes(guide, 'ar') }
  const film: XliffDoc = { slug: 'film', title: { da: 'Film' }, subtitles: { da: vtt } }
  return [
    { collection: 'activities', doc: activity },
    { collection: 'municipalities', doc: municipality },
    { collection: 'guides', doc: guide },
    { collection: 'films', doc: film },
  ]
}
const byKey = (docs: CollectionDoc[]) => new Map(docs.map((d) => [`${d.collection}/${d.doc.slug}`, d.doc]))

async function roundTrip(docs: CollectionDoc[], xml: string, status: 'machine' | 'reviewed' = 'machine') {
  const parsed = await parseXliff(xml)
  expect(parsed.refused).toEqual([])
  const plan = planImport(parsed.units, parsed.locale!, byKey(docs))
  const after = new Map(byKey(docs))
  for (const u of plan.updates) after.set(`${u.collection}/${u.slug}`, applyUpdate(after.get(`${u.collection}/${u.slug}`)!, u, parsed.locale!, status))
  return { plan, after }
}

describe('XLIFF export', () => {
  it('writes XLIFF 2.0 from Danish: a file per collection, a group per document, a unit per text with its field hash', async () => {
    const docs = fixture()
    const { xml, units, documents } = await buildXliff(docs, { locale: 'ar' })
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="da" trgLang="ar">/)
    expect([...xml!.matchAll(/<file id="([a-z]+)">/g)].map((m) => m[1])).toEqual(['municipalities', 'activities', 'guides', 'films'])
    expect(xml).toContain('<group id="activities.sang" name="Sang">')
    expect((xml!.match(/<unit /g) ?? []).length).toBe(units)
    expect((xml!.match(/<source>/g) ?? []).length).toBe(units)
    expect(documents).toBe(4)
    const seen = await unitsOf(xml!)
    expect(seen.map((u) => u.id)).toEqual([
      'municipalities.aarhus.name',
      'municipalities.aarhus.venue.directions',
      'municipalities.aarhus.localOffers.0.description',
      'municipalities.aarhus.localOffers.1.description',
      'activities.sang.title',
      'activities.sang.steps.0',
      'activities.sang.steps.1',
      'activities.sang.steps.2',
      'activities.sang.keywords.0',
      'activities.sang.keywords.1',
      'activities.sang.keywords.2',
      'activities.sang.tips',
      'guides.taender.title',
      'guides.taender.body',
      'films.film.title',
      'films.film.subtitles',
    ])
    const unit = (id: string) => seen.find((u) => u.id === id)!
    expect(unit('activities.sang.steps.1')).toMatchObject({ source: 'Klap', target: 'صفّقي' })
    expect(unit('activities.sang.steps.1').notes).toContain(`sourceHash: ${sourceHash(docs[0]!.doc, 'steps')}`)
    expect(unit('municipalities.aarhus.localOffers.1.description').target).toBeUndefined()
    expect(unit('activities.sang.tips').target).toBeUndefined()
    // A translation with another number of items is not shown item by item, but in a note.
    expect(unit('activities.sang.keywords.0').target).toBeUndefined()
    expect(unit('activities.sang.keywords.0').notes.join('\n')).toContain('has 1 items, not 3')
    // Markup is text, escaped; the reader gives it back character for character.
    expect(xml).toContain('**med fluor** og *kun lidt*. Læs mere på [sundhed.dk](https://example.org/?a=1&amp;b=2)')
    expect(xml).toContain('1. Børst morgen &lt;og&gt; aften.')
    expect(unit('guides.taender.body')).toMatchObject({ source: markdown, target: markdownAr })
    expect(unit('guides.taender.body').notes[0]).toMatch(/^Markdown: keep/)
    expect(unit('municipalities.aarhus.venue.directions').source).toBe('Gå ind\nad bagdøren')
    expect(xml).toMatch(/<unit id="activities.sang.title" canResegment="no" xml:space="preserve" trgDir="rtl">/)
  })

  it('selects outdated or missing fields, and collections', async () => {
    const docs = fixture()
    const activity = docs[0]!.doc
    activity.title = { ...(activity.title as object), da: 'Sange' }
    const outdated = await unitsOf((await buildXliff(docs, { locale: 'ar', outdatedOnly: true })).xml!)
    expect(outdated.map((u) => u.id)).toEqual(['activities.sang.title'])
    expect(outdated[0]!.target).toBe('أغنية') // to revise
    const missing = await unitsOf((await buildXliff(docs, { locale: 'ar', missingOnly: true, collections: ['activities', 'films'] })).xml!)
    expect(missing.map((u) => u.id)).toEqual(['activities.sang.tips', 'films.film.title', 'films.film.subtitles'])
    expect(await buildXliff(docs, { locale: 'en', outdatedOnly: true, collections: ['guides'] })).toEqual({ documents: 0, fields: 0, units: 0 })
  })

  it('refuses Danish and unknown languages as targets', async () => {
    await expect(buildXliff(fixture(), { locale: 'da' as never })).rejects.toThrow(/source language/)
    await expect(buildXliff(fixture(), { locale: 'xx' as never })).rejects.toThrow(/Unknown locale "xx"/)
  })
})

describe('XLIFF import', () => {
  it('round-trips unchanged files to the same text, and filled targets into content form', async () => {
    const docs = fixture()
    const { xml } = await buildXliff(docs, { locale: 'ar' })
    const same = await roundTrip(docs, xml!)
    for (const [key, doc] of byKey(docs)) {
      const { translationStatus: _a, ...before } = doc
      const { translationStatus: _b, ...after } = same.after.get(key)!
      expect(after).toEqual(before)
    }

    const filled = await editTargets(xml!, (u) => (u.target !== undefined ? `${u.target} (مراجعة)` : `ع ${u.source}`))
    const { plan, after } = await roundTrip(docs, filled, 'reviewed')
    expect(plan.skipped).toEqual([])
    const activity = after.get('activities/sang')!
    expect(activity.steps).toEqual({ da: ['Syng', 'Klap', 'Hvil'], ar: ['غنّي (مراجعة)', 'صفّقي (مراجعة)', 'استريحي (مراجعة)'] })
    expect(activity.keywords).toEqual({ da: ['sang', 'musik', 'rytme'], ar: ['ع sang', 'ع musik', 'ع rytme'] })
    expect(activity.title).toEqual({ da: 'Sang', en: 'Song', ar: 'أغنية (مراجعة)' })
    expect(activity.translationStatus).toEqual({ en: 'machine', ar: 'reviewed' })
    expect(Object.values(documentStates(activity, 'ar'))).toEqual(['translated', 'translated', 'translated', 'translated'])
    expect(documentStates(activity, 'en').title).toBe('machine')
    const place = after.get('municipalities/aarhus')!
    expect(place.localOffers).toEqual([
      { name: 'A', description: { da: 'Åben rådgivning', ar: 'استشارة مفتوحة (مراجعة)' } },
      { name: 'B', description: { da: 'Babysang', ar: 'ع Babysang' } },
    ])
    expect(place.venue).toEqual({ name: 'Huset', directions: { da: 'Gå ind\nad bagdøren', ar: 'ادخلي (مراجعة)' } })
    expect(after.get('guides/taender')!.body).toEqual({ da: markdown, ar: `${markdownAr} (مراجعة)` })
    // WebVTT keeps its last line break (the library trims it; the import puts the Danish one back).
    expect(after.get('films/film')!.subtitles).toEqual({ da: vtt, ar: `ع ${vtt.trimEnd()}\n` })
  })

  it('skips empty targets and keeps what was there', async () => {
    const docs = fixture()
    const xml = await editTargets((await buildXliff(docs, { locale: 'ar' })).xml!, (u) => (u.id === 'activities.sang.title' ? 'عنوان' : u.id.startsWith('activities.sang.steps') ? '' : null))
    const { plan, after } = await roundTrip(docs, xml)
    expect(plan.updates.map((u) => [u.slug, Object.keys(u.values)])).toEqual([['sang', ['title']]])
    expect(plan.skipped).toContain('activities.sang.steps.0')
    expect(after.get('activities/sang')!.steps).toEqual(docs[0]!.doc.steps)
  })

  it('refuses a field whose Danish changed since the export, naming every unit of it', async () => {
    const docs = fixture()
    const xml = (await buildXliff(docs, { locale: 'ar' })).xml!
    docs[0]!.doc.steps = { da: ['Syng', 'Klap', 'Hvil', 'Sig farvel'] }
    const parsed = await parseXliff(xml)
    const plan = planImport(parsed.units, 'ar', byKey(docs))
    expect(plan.refused).toEqual([0, 1, 2].map((i) => ({ unit: `activities.sang.steps.${i}`, reason: 'the Danish text of activities/sang steps changed since this file was made; export again' })))
  })

  it('refuses unknown documents, fields, collections, malformed ids, lost hashes, duplicates and half-translated lists', async () => {
    const docs = fixture()
    let xml = (await buildXliff(docs, { locale: 'ar' })).xml!
    const hash = sourceHash(docs[0]!.doc, 'title')
    const unit = (id: string, h = hash) => `<unit id="${id}"><notes><note>sourceHash: ${h}</note></notes><segment><source>x</source><target>y</target></segment></unit>`
    xml = xml.replace(
      '</xliff>',
      `<file id="extra">${unit('activities.findes-ikke.title')}${unit('activities.sang.colour')}${unit('recipes.sang.title')}${unit('activities/sang/title')}${unit('activities.sang.title')}</file></xliff>`,
    )
    xml = xml.replace(`<note>sourceHash: ${sourceHash(docs[2]!.doc, 'title')}</note>`, "<note>A translator's tool dropped the hash.</note>")
    xml = await editTargets(xml, (u) => (u.id === 'activities.sang.steps.1' ? '' : undefined))
    const parsed = await parseXliff(xml)
    const plan = planImport(parsed.units, 'ar', byKey(docs))
    const reasons = Object.fromEntries([...parsed.refused, ...plan.refused].map((r) => [r.unit, r.reason]))
    expect(reasons['activities.findes-ikke.title']).toBe('there is no activities document "findes-ikke"')
    expect(reasons['activities.sang.colour']).toBe('activities/sang has no field "colour" with Danish text to translate')
    expect(reasons['recipes.sang.title']).toMatch(/^unknown collection "recipes"/)
    expect(reasons['activities/sang/title']).toMatch(/^malformed unit id/)
    expect(reasons['activities.sang.title']).toBe('the unit appears more than once in the file')
    expect(reasons['guides.taender.title']).toMatch(/lost its note "sourceHash/)
    expect(reasons['activities.sang.steps.1']).toMatch(/^a list is translated item by item and keeps the Danish 3 items/)
    expect(reasons['activities.sang.steps.0']).toBeUndefined()
  })

  it('refuses files that are not XLIFF 2.0 from Danish into a known language', async () => {
    const xml = (await buildXliff(fixture(), { locale: 'ar' })).xml!
    const problem = async (x: string, locale?: 'ar' | 'en') => (await parseXliff(x, { locale })).refused
    expect(await problem('not xml at all <')).toEqual([{ unit: '(file)', reason: expect.stringMatching(/^not an XLIFF/) }])
    expect(await problem(xml.replace('version="2.0"', 'version="1.2"'))).toEqual([{ unit: '(file)', reason: expect.stringMatching(/^not an XLIFF 2.0 file/) }])
    expect(await problem(xml.replace('trgLang="ar"', 'trgLang="da"'))).toEqual([{ unit: '(file)', reason: expect.stringMatching(/the source language/) }])
    expect(await problem(xml.replace('trgLang="ar"', 'trgLang="xx"'))).toEqual([{ unit: '(file)', reason: expect.stringMatching(/^trgLang "xx" is not a language of Modersmål/) }])
    expect(await problem(xml.replace('srcLang="da"', 'srcLang="en"'))).toEqual([{ unit: '(file)', reason: expect.stringMatching(/from Danish/) }])
    expect(await problem(xml, 'en')).toEqual([{ unit: '(file)', reason: 'trgLang is "ar", but the import was asked for "en"' }])
  })
})
