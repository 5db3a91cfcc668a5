/** An XLIFF file from an agency → its units, checked for form (not yet against the documents). */
import { xliff2js, type XliffGroup, type XliffUnit } from 'xliff'
import { contentKinds, type ContentKind } from '../collections.ts'
import { isLocaleCode, localeCodes, sourceLocale, type LocaleCode } from '../../locales/registry.ts'
import { notXml } from './segments.ts'
import { hashNotePattern } from './export.ts'
import type { PathPart, Refusal } from './segments.ts'

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
