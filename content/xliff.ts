/**
 * XLIFF 2.0 for translation agencies: content/ documents ⇄ one XLIFF file per target language.
 * Pure (no Payload); cms/sync/xliff.ts reads and writes the CMS with it.
 *
 * The file: srcLang="da", trgLang=<locale>; one <file> per collection (id = the collection),
 * in it one <group> per document (id "<collection>.<slug>", name = its Danish title), in that one
 * <unit> per translatable piece of text. A unit's id says where the text lives:
 *
 *   activities.babymassage.title                     a text field
 *   activities.babymassage.steps.2                   item 3 of a list (one unit per Danish item)
 *   municipalities.aarhus.venue.directions           a text inside a group
 *   municipalities.aarhus.localOffers.1.description  a text inside a list of objects
 *
 * Every unit carries the hash of its field's Danish text (content/translations.ts `sourceHash`)
 * as the note "sourceHash: <12 hex>": the library writes notes as plain text (no category
 * attribute), and notes are core XLIFF that CAT tools keep. An import is matched by document,
 * field and that hash: a field whose Danish changed since the export is refused.
 *
 * Texts are plain text in the XML (escaped by the library): Markdown (guide bodies) and WebVTT
 * (subtitles) keep their syntax character for character, with a note telling the translator what
 * to keep. Units say canResegment="no" (the library reads one segment per unit) and
 * xml:space="preserve" (line breaks matter). Trailing white space (a WebVTT file's last line
 * break) is not part of a unit: the library trims it when reading, so the import puts back the
 * Danish text's trailing white space.
 */
import { js2xliff, xliff2js, type XliffGroup, type XliffUnit } from 'xliff'
import { contentKinds, type ContentKind } from './collections.ts'
import { fieldState, isLocalizedMap, sourceHash, translatableFields, type Provenance, type TranslationState } from './translations.ts'
import { getLocale, isLocaleCode, localeCodes, sourceLocale, type LocaleCode } from '../locales/registry.ts'

export type XliffDoc = Record<string, unknown> & Provenance & { slug: string }
export interface CollectionDoc {
  collection: ContentKind
  doc: XliffDoc
}

type PathPart = string | number

/** One translatable piece of text inside a field, as one unit. */
export interface Segment {
  /** The unit's path inside the field (ends with the item index for a list item). */
  path: PathPart[]
  /** The path of the localized map inside the field ([] when the field itself is one). */
  map: PathPart[]
  /** For an item of a string list: its index and the Danish number of items. */
  item?: { index: number; count: number }
  source: string
  /** The existing translation, if any (for a list, only when it has the Danish number of items). */
  target?: string
  /** A list whose translation has another number of items than the Danish: that translation. */
  unaligned?: string[]
}

export interface Refusal {
  unit: string
  reason: string
}

/** Where trailing white space starts (it is kept out of units; see above). */
const trailing = (s: string) => /\s*$/.exec(s)!.index
const withoutTrailing = (s: string) => s.slice(0, trailing(s))
const trailingOf = (s: string) => s.slice(trailing(s))

/** Characters XML 1.0 cannot carry (a library would write them and break the file). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The text segments of a field's value, in document order; only where there is Danish text. */
export function fieldSegments(value: unknown, locale: LocaleCode, path: PathPart[] = []): Segment[] {
  if (isLocalizedMap(value)) {
    const da = value[sourceLocale]
    const tr = value[locale]
    if (typeof da === 'string') return [{ path, map: path, source: withoutTrailing(da), ...(typeof tr === 'string' ? { target: withoutTrailing(tr) } : {}) }]
    if (Array.isArray(da)) {
      const items = da.filter((x): x is string => typeof x === 'string')
      const aligned = Array.isArray(tr) && tr.length === items.length
      return items.map((source, index) => ({
        path: [...path, index],
        map: path,
        item: { index, count: items.length },
        source: withoutTrailing(source),
        ...(aligned ? { target: withoutTrailing(String(tr[index])) } : {}),
        ...(Array.isArray(tr) && !aligned && index === 0 ? { unaligned: tr.map(String) } : {}),
      }))
    }
    return []
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => fieldSegments(v, locale, [...path, i]))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => fieldSegments(v, locale, [...path, k]))
  return []
}

export const unitId = (collection: string, slug: string, field: string, path: PathPart[]) => [collection, slug, field, ...path].join('.')

/** Fields whose text has a syntax the translator must keep, and what to tell her. */
const formats: Record<string, string> = {
  'guides.body':
    'Markdown: keep "## " and "### " headings, "- " and "1. " list markers, **bold**, *italic*, [link text](address) with the address unchanged, "> " quotes and blank lines; translate the text.',
  'films.subtitles': 'WebVTT subtitles: keep the first line WEBVTT, the cue numbers, the times and the blank lines; translate only the subtitle lines.',
}

const hashNote = (hash: string) => `sourceHash: ${hash}`
const hashNotePattern = /^sourceHash:\s*([0-9a-f]{12})\s*$/

/** The Danish title of a document, for the group's name. */
function titleOf(doc: XliffDoc): string {
  for (const key of ['title', 'name', 'headline', 'alt']) {
    const v = doc[key]
    if (isLocalizedMap(v) && typeof v[sourceLocale] === 'string') return v[sourceLocale] as string
  }
  return doc.slug
}

/** Refuses the source language and unknown codes, with a message saying which are known. */
export function targetLocale(code: string): LocaleCode {
  if (code === sourceLocale) throw new Error(`"${sourceLocale}" (Danish) is the source language; XLIFF files translate from it into another language.`)
  return getLocale(code).code as LocaleCode
}

export interface XliffExportOptions {
  locale: LocaleCode
  collections?: readonly ContentKind[]
  /** Only fields whose translation is outdated (made from an older Danish text). */
  outdatedOnly?: boolean
  /** Only fields with no translation at all (with `outdatedOnly`: both kinds). */
  missingOnly?: boolean
}

export interface XliffExport {
  /** Undefined when nothing matched: XLIFF 2.0 needs at least one <file>. */
  xml?: string
  documents: number
  fields: number
  units: number
}

/** Content documents → an XLIFF 2.0 document from Danish into `opts.locale`. */
export async function buildXliff(docs: Iterable<CollectionDoc>, opts: XliffExportOptions): Promise<XliffExport> {
  const locale = targetLocale(opts.locale)
  const states: TranslationState[] = [...(opts.outdatedOnly ? (['outdated'] as const) : []), ...(opts.missingOnly ? (['missing'] as const) : [])]
  const wanted = new Set<string>(opts.collections ?? contentKinds)
  const rtl = getLocale(locale).dir === 'rtl'
  const resources: Record<string, Record<string, XliffGroup>> = {}
  let documents = 0
  let fields = 0
  let units = 0
  // Collections in load order, documents by slug: the same content gives the same file.
  const sorted = [...docs].filter((d) => wanted.has(d.collection)).sort((a, b) => contentKinds.indexOf(a.collection) - contentKinds.indexOf(b.collection) || a.doc.slug.localeCompare(b.doc.slug))
  for (const { collection, doc } of sorted) {
    const groupUnits: Record<string, XliffUnit> = {}
    for (const field of translatableFields(doc)) {
      if (states.length && !states.includes(fieldState(doc, locale, field))) continue
      const segments = fieldSegments(doc[field], locale)
      if (segments.length === 0) continue
      const hash = sourceHash(doc, field)
      fields++
      for (const s of segments) {
        const id = unitId(collection, doc.slug, field, s.path)
        for (const text of [s.source, s.target ?? ''])
          if (notXml.test(text)) throw new Error(`${id}: the text holds a character XML cannot carry (${JSON.stringify(notXml.exec(text)![0])}); correct it in the CMS first.`)
        const notes = [
          ...(formats[`${collection}.${field}`] ? [formats[`${collection}.${field}`]!] : []),
          ...(s.item ? [`Item ${s.item.index + 1} of ${s.item.count} of a list: translate each item in its own unit; the list keeps the Danish number of items.`] : []),
          ...(s.unaligned ? [`The current translation of this list has ${s.unaligned.length} items, not ${s.item!.count}, so it is not shown item by item: ${s.unaligned.join(' | ')}`] : []),
          hashNote(hash),
        ]
        groupUnits[id] = {
          source: s.source,
          ...(s.target !== undefined && s.target !== '' ? { target: s.target } : {}),
          note: notes,
          additionalAttributes: { canResegment: 'no', 'xml:space': 'preserve', ...(rtl ? { trgDir: 'rtl' } : {}) },
        }
        units++
      }
    }
    if (Object.keys(groupUnits).length === 0) continue
    documents++
    resources[collection] ??= {}
    resources[collection][`${collection}.${doc.slug}`] = { groupUnits, additionalAttributes: { name: titleOf(doc) } }
  }
  if (units === 0) return { documents, fields, units }
  const xml = await js2xliff({ sourceLanguage: sourceLocale, targetLanguage: locale, resources }, { indent: '  ' })
  return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`, documents, fields, units }
}

/** One unit read back from a file. */
export interface ImportUnit {
  id: string
  collection: ContentKind
  slug: string
  field: string
  path: PathPart[]
  /** Undefined or blank: not translated (skipped). */
  target?: string
  hash?: string
}

export interface ParsedXliff {
  locale?: LocaleCode
  units: ImportUnit[]
  /** Problems with the file or with single units (unit "(file)" for the whole file). */
  refused: Refusal[]
}

const idPattern = /^([a-z]+)\.([a-z0-9]+(?:-[a-z0-9]+)*)\.([A-Za-z][A-Za-z0-9]*)((?:\.(?:\d+|[A-Za-z][A-Za-z0-9]*))*)$/
const kinds = new Set<string>(contentKinds)
const fileProblem = (reason: string): ParsedXliff => ({ units: [], refused: [{ unit: '(file)', reason }] })

/** An XLIFF 2.0 (or 2.1) file → its units, checked for form (not yet against the documents). */
export async function parseXliff(xml: string, expected: { locale?: LocaleCode } = {}): Promise<ParsedXliff> {
  let js: Awaited<ReturnType<typeof xliff2js>>
  try {
    js = await xliff2js(xml)
  } catch (e) {
    return fileProblem(`not an XLIFF file: ${(e as Error).message.split('\n')[0]}`)
  }
  if (!js?.resources) return fileProblem('not an XLIFF 2.0 file (expected a root element <xliff version="2.0">)')
  if (js.xliffVersion && js.xliffVersion !== '2.1') return fileProblem(`XLIFF ${js.xliffVersion} is not read here; send XLIFF 2.0`)
  if (js.sourceLanguage?.toLowerCase() !== sourceLocale) return fileProblem(`srcLang is "${js.sourceLanguage ?? ''}"; these files translate from Danish (srcLang="da")`)
  const trg = js.targetLanguage ?? ''
  const code = localeCodes.find((c) => c.toLowerCase() === trg.toLowerCase())
  if (code === sourceLocale) return fileProblem('trgLang is "da", the source language; a translation goes into another language')
  if (!code || !isLocaleCode(code)) return fileProblem(`trgLang "${trg}" is not a language of Modersmål (${localeCodes.filter((c) => c !== sourceLocale).join(', ')})`)
  if (expected.locale && expected.locale !== code) return fileProblem(`trgLang is "${code}", but the import was asked for "${expected.locale}"`)

  const units: ImportUnit[] = []
  const refused: Refusal[] = []
  const seen = new Set<string>()
  const walk = (entries: Record<string, XliffUnit | XliffGroup>) => {
    for (const [id, entry] of Object.entries(entries)) {
      if ('groupUnits' in entry) {
        walk(entry.groupUnits)
        continue
      }
      const m = idPattern.exec(id)
      if (!m) {
        refused.push({ unit: id, reason: 'malformed unit id: expected <collection>.<slug>.<field>[.<index or key>…] as this project exports it' })
        continue
      }
      const [, collection, slug, field, rest] = m
      if (!kinds.has(collection!)) {
        refused.push({ unit: id, reason: `unknown collection "${collection}" (known: ${contentKinds.join(', ')})` })
        continue
      }
      if (seen.has(id)) {
        refused.push({ unit: id, reason: 'the unit appears more than once in the file' })
        continue
      }
      seen.add(id)
      const notes = entry.note === undefined ? [] : Array.isArray(entry.note) ? entry.note : [entry.note]
      const hash = notes.map((n) => (typeof n === 'string' ? hashNotePattern.exec(n)?.[1] : undefined)).find((h) => h !== undefined)
      const t = entry.target
      if (t !== undefined && typeof t !== 'string') {
        refused.push({ unit: id, reason: 'the target holds inline markup (tags); these texts are plain text, Markdown included: write the markup as text' })
        continue
      }
      if (t !== undefined && notXml.test(t)) {
        refused.push({ unit: id, reason: 'the target holds a control character' })
        continue
      }
      const path = rest
        ? rest
            .slice(1)
            .split('.')
            .map((p) => (/^\d+$/.test(p) ? Number(p) : p))
        : []
      units.push({ id, collection: collection as ContentKind, slug: slug!, field: field!, path, ...(t !== undefined && t.trim() !== '' ? { target: t } : {}), ...(hash ? { hash } : {}) })
    }
  }
  for (const file of Object.values(js.resources)) walk(file)
  if (units.length === 0 && refused.length === 0) return { locale: code, units, refused: [{ unit: '(file)', reason: 'the file holds no units' }] }
  return { locale: code, units, refused }
}

/** What an import writes into one document: whole field values in content form, and their hashes. */
export interface PlannedUpdate {
  collection: ContentKind
  slug: string
  values: Record<string, unknown>
  hashes: Record<string, string>
  /** Units whose text changes the document. */
  units: string[]
  /** Units sent back with the text the document already has: only the status is written. */
  unchanged: string[]
}

export interface ImportPlan {
  updates: PlannedUpdate[]
  refused: Refusal[]
  /** Units with no target: not translated, left as they are. */
  skipped: string[]
}

const pathKey = (path: PathPart[]) => path.join('.')

/**
 * Checks units against the documents as they are now and works out the new field values. A field
 * is refused whole when its Danish changed since the export (the hash), and a list is translated
 * item by item or not at all. Empty targets are skipped; an existing translation they would
 * replace stays. A field sent back unchanged is not written and keeps its hash, so importing an
 * untouched export changes nothing but the status, and an outdated translation that nobody
 * revised stays outdated.
 */
export function planImport(units: readonly ImportUnit[], locale: LocaleCode, docs: ReadonlyMap<string, XliffDoc>): ImportPlan {
  const refused: Refusal[] = []
  const skipped: string[] = []
  const updates: PlannedUpdate[] = []
  const byDoc = new Map<string, ImportUnit[]>()
  for (const u of units) {
    const key = `${u.collection}/${u.slug}`
    byDoc.set(key, [...(byDoc.get(key) ?? []), u])
  }
  for (const [key, docUnits] of byDoc) {
    const doc = docs.get(key)
    const { collection, slug } = docUnits[0]!
    if (!doc) {
      for (const u of docUnits) refused.push({ unit: u.id, reason: `there is no ${collection} document "${slug}"` })
      continue
    }
    const byField = new Map<string, ImportUnit[]>()
    for (const u of docUnits) byField.set(u.field, [...(byField.get(u.field) ?? []), u])
    const update: PlannedUpdate = { collection, slug, values: {}, hashes: {}, units: [], unchanged: [] }
    for (const [field, fieldUnits] of byField) {
      const segments = translatableFields(doc).includes(field) ? fieldSegments(doc[field], locale) : []
      if (segments.length === 0) {
        for (const u of fieldUnits) refused.push({ unit: u.id, reason: `${key} has no field "${field}" with Danish text to translate` })
        continue
      }
      const current = sourceHash(doc, field)
      const problems: Refusal[] = []
      for (const u of fieldUnits) {
        if (!u.hash) problems.push({ unit: u.id, reason: 'the unit has lost its note "sourceHash: …", so it cannot be matched to the Danish text it was made from; export again' })
        else if (u.hash !== current) problems.push({ unit: u.id, reason: `the Danish text of ${key} ${field} changed since this file was made; export again` })
      }
      const byPath = new Map(segments.map((s) => [pathKey(s.path), s]))
      if (problems.length === 0) for (const u of fieldUnits) if (!byPath.has(pathKey(u.path))) problems.push({ unit: u.id, reason: `${key} ${field} has no Danish text at "${pathKey(u.path)}"` })
      if (problems.length) {
        refused.push(...problems)
        continue
      }
      const given = new Map(fieldUnits.map((u) => [pathKey(u.path), u]))
      const value = structuredClone(doc[field])
      const mapAt = (p: PathPart[]) => p.reduce<unknown>((node, k) => (node as Record<PathPart, unknown>)[k], value) as Record<string, unknown>
      const written: string[] = []
      // Lists: all items or none.
      const lists = new Map<string, Segment[]>()
      for (const s of segments) if (s.item) lists.set(pathKey(s.map), [...(lists.get(pathKey(s.map)) ?? []), s])
      for (const items of lists.values()) {
        const targets = items.map((s) => given.get(pathKey(s.path))?.target)
        if (targets.every((t) => t === undefined)) continue
        if (targets.some((t) => t === undefined)) {
          for (const [i, s] of items.entries())
            if (targets[i] === undefined)
              problems.push({
                unit: unitId(collection, slug, field, s.path),
                reason: `a list is translated item by item and keeps the Danish ${s.item!.count} items; this item has no target (translate every item of ${key} ${field}, or none)`,
              })
          continue
        }
        mapAt(items[0]!.map)[locale] = items.map((s, i) => withoutTrailing(targets[i]!) + trailingOf(itemSource(doc[field], s)))
        written.push(...items.map((s) => unitId(collection, slug, field, s.path)))
      }
      for (const s of segments) {
        if (s.item) continue
        const t = given.get(pathKey(s.path))?.target
        if (t === undefined) continue
        mapAt(s.map)[locale] = withoutTrailing(t) + trailingOf((mapAt(s.map)[sourceLocale] as string) ?? '')
        written.push(unitId(collection, slug, field, s.path))
      }
      if (problems.length) {
        refused.push(...problems)
        continue
      }
      const writtenSet = new Set(written)
      skipped.push(...fieldUnits.filter((u) => !writtenSet.has(u.id)).map((u) => u.id))
      if (written.length === 0) continue
      // Sent back as it was: nothing to write, and no new hash (an outdated text stays outdated).
      if (JSON.stringify(value) === JSON.stringify(doc[field])) {
        update.unchanged.push(...written)
        continue
      }
      update.values[field] = value
      update.hashes[field] = current
      update.units.push(...written)
    }
    if (update.units.length || update.unchanged.length) updates.push(update)
  }
  return { updates, refused, skipped }
}

/** The Danish text of a list item, with its trailing white space. */
function itemSource(fieldValue: unknown, s: Segment): string {
  const map = s.map.reduce<unknown>((node, k) => (node as Record<PathPart, unknown>)[k], fieldValue) as Record<string, unknown>
  return (map[sourceLocale] as string[])[s.item!.index]!
}

/** A content document with a planned update applied: what the CMS holds after the import. */
export function applyUpdate(doc: XliffDoc, update: PlannedUpdate, locale: LocaleCode, status: 'machine' | 'reviewed'): XliffDoc {
  return {
    ...doc,
    ...update.values,
    translationStatus: { ...doc.translationStatus, [locale]: status },
    sourceHashes: { ...doc.sourceHashes, [locale]: { ...doc.sourceHashes?.[locale], ...update.hashes } },
  }
}
