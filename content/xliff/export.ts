/** Content documents → one XLIFF 2.0 file from Danish into a target language. */
import { js2xliff, type XliffGroup, type XliffUnit } from 'xliff'
import { contentKinds, type ContentKind } from '../collections.ts'
import { danishTitle, fieldState, sourceHash, translatableFields, type TranslationState } from '../translations.ts'
import { getLocale, sourceLocale, type LocaleCode } from '../../locales/registry.ts'
import { fieldSegments, unitId, notXml } from './segments.ts'
import type { CollectionDoc } from './segments.ts'

/** Fields whose text has a syntax the translator must keep, and what to tell her. */
const formats: Record<string, string> = {
  'guides.body':
    'Markdown: keep "## " and "### " headings, "- " and "1. " list markers, **bold**, *italic*, [link text](address) with the address unchanged, "> " quotes and blank lines; translate the text.',
  'films.subtitles': 'WebVTT subtitles: keep the first line WEBVTT, the cue numbers, the times and the blank lines; translate only the subtitle lines.',
}

const hashNote = (hash: string) => `sourceHash: ${hash}`
export const hashNotePattern = /^sourceHash:\s*([0-9a-f]{12})\s*$/

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
    resources[collection][`${collection}.${doc.slug}`] = { groupUnits, additionalAttributes: { name: danishTitle(doc) } }
  }
  if (units === 0) return { documents, fields, units }
  const xml = await js2xliff({ sourceLanguage: sourceLocale, targetLanguage: locale, resources }, { indent: '  ' })
  return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`, documents, fields, units }
}
