/**
 * Converts between a content/ document (every locale in one object, references by slug, rich
 * text as Markdown) and Payload's data (one locale per write, references by id, Lexical JSON).
 * Driven by the collection's own field config, so a new field needs no code here.
 */
import { randomBytes } from 'node:crypto'
import type { Field, RichTextField } from 'payload'
import { convertLexicalToMarkdown, convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from 'lexical'
import { localeCodes, sourceLocale, type LocaleCode } from '../../locales/registry.ts'
import { localesIn } from '../../content/schema/index.ts'
import { orderProvenance } from '../../content/translations.ts'
import { dataFields, type DataField } from '../fields/walk.ts'

/** Fields Payload adds itself (ids, timestamps, `_status`, …) at every depth. */
const generatedFields = new Set(['id', 'createdAt', 'updatedAt'])
/** Top-level fields of an upload collection that describe the stored file, not the content. */
const uploadFields = new Set(['url', 'thumbnailURL', 'filename', 'mimeType', 'filesize', 'width', 'height', 'focalX', 'focalY', 'sizes', 'prefix'])

const isContentField = (f: DataField, topLevel: boolean): boolean => !f.name.startsWith('_') && !generatedFields.has(f.name) && !(topLevel && uploadFields.has(f.name))

export interface References {
  slugOf(collection: string, id: unknown): string | undefined
  idOf(collection: string, slug: string): number | string
}

/** A Payload document as the sync layer sees it: a map of fields, walked by the field tree. */
export type Doc = Record<string, unknown>

/**
 * Documents of any collection as field maps. The generated types (cms/payload-types.ts) describe
 * each collection; conversion works on all of them by their field trees, so it reads them untyped.
 */
export const asDocs = (docs: readonly object[]): Doc[] => docs as Doc[]

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)

const relationTarget = (f: Field): string => {
  const to = (f as { relationTo: string | string[] }).relationTo
  if (Array.isArray(to)) throw new Error(`Polymorphic relationship ${(f as { name: string }).name} is not supported in content/`)
  return to
}

const isStringList = (f: Field) => f.type === 'array' && (f.custom as { content?: string } | undefined)?.content === 'stringList'

/** Payload data read with `locale: 'all'` → a content document. */
export function fromPayload(fields: Field[], doc: Doc, refs: References, warn: (m: string) => void, topLevel = true): Doc {
  const out: Doc = {}
  for (const f of dataFields(fields)) {
    if (!isContentField(f, topLevel)) continue
    const raw = doc[f.name]
    let value: unknown
    if ('localized' in f && f.localized) {
      const map: Doc = {}
      for (const code of localeCodes) {
        const v = valueFromPayload(f, (raw as Doc | null | undefined)?.[code], refs, warn)
        if (!isEmpty(v)) map[code] = v
      }
      value = map
    } else {
      value = valueFromPayload(f, raw, refs, warn)
    }
    if (!isEmpty(value)) out[f.name] = value
  }
  return out
}

function valueFromPayload(f: Field, v: unknown, refs: References, warn: (m: string) => void): unknown {
  if (v === null || v === undefined) return undefined
  switch (f.type) {
    case 'date':
      return String(v).slice(0, 10)
    case 'relationship':
    case 'upload': {
      const target = relationTarget(f)
      const toSlug = (id: unknown) => {
        const s = refs.slugOf(target, typeof id === 'object' && id ? (id as Doc).id : id)
        if (s === undefined) warn(`${f.name}: dropped a reference to an unpublished or missing ${target} document (${String(id)})`)
        return s
      }
      return Array.isArray(v) ? v.map(toSlug).filter((s) => s !== undefined) : toSlug(v)
    }
    case 'richText':
      return convertLexicalToMarkdown({ data: v as SerializedEditorState, editorConfig: editorConfigFactory.fromField({ field: f as RichTextField }) }).trimEnd()
    case 'group':
      return fromPayload(f.fields, v as Doc, refs, warn, false)
    case 'array': {
      const rows = v as Doc[]
      if (isStringList(f)) return rows.map((r) => r.text).filter((t) => !isEmpty(t))
      return rows.map((r) => fromPayload(f.fields, r, refs, warn, false))
    }
    default:
      return v
  }
}

/**
 * A content document → the data for one Payload write in `locale`. Localized values of other
 * locales are left out; non-localized values are sent with every write (unchanged, so harmless).
 * `existing` (the document as stored) supplies array row ids, which Payload needs to keep the
 * other locales' values of localized fields inside non-localized arrays.
 */
export function toPayload(fields: Field[], doc: Doc, locale: LocaleCode, refs: References, existing?: Doc, topLevel = true): Doc {
  const out: Doc = {}
  for (const f of dataFields(fields)) {
    if (!isContentField(f, topLevel)) continue
    const raw = doc[f.name]
    const value = 'localized' in f && f.localized ? (raw as Doc | undefined)?.[locale] : raw
    if (value === undefined) continue
    out[f.name] = valueToPayload(f, value, locale, refs, existing?.[f.name])
  }
  return out
}

function valueToPayload(f: Field, v: unknown, locale: LocaleCode, refs: References, existing: unknown): unknown {
  switch (f.type) {
    case 'date':
      // Noon UTC, as the admin's day picker stores it: the same calendar day in every time zone.
      return `${v as string}T12:00:00.000Z`
    case 'relationship':
    case 'upload': {
      const target = relationTarget(f)
      return Array.isArray(v) ? v.map((s) => refs.idOf(target, s as string)) : refs.idOf(target, v as string)
    }
    case 'richText':
      return convertMarkdownToLexical({ markdown: v as string, editorConfig: editorConfigFactory.fromField({ field: f as RichTextField }) })
    case 'group':
      return toPayload(f.fields, v as Doc, locale, refs, existing as Doc | undefined, false)
    case 'array': {
      if (isStringList(f)) return (v as string[]).map((text) => ({ text }))
      const before = (existing as Doc[] | undefined) ?? []
      return (v as Doc[]).map((row, i) => {
        const data = toPayload(f.fields, row, locale, refs, before[i], false)
        return before[i]?.id !== undefined ? { id: before[i]!.id, ...data } : data
      })
    }
    default:
      return v
  }
}

/**
 * A content document → Payload's stored shape with every locale at once (as `locale: 'all'`
 * reads it), each array row with a new id: what the seed's bulk path writes in one row.
 */
export function toStoredDocument(fields: Field[], doc: Doc, refs: References, topLevel = true): Doc {
  const out: Doc = {}
  for (const f of dataFields(fields)) {
    if (!isContentField(f, topLevel)) continue
    const raw = doc[f.name]
    if (raw === undefined) continue
    out[f.name] = 'localized' in f && f.localized ? Object.fromEntries(Object.entries(raw as Doc).map(([locale, v]) => [locale, storedValue(f, v, refs)])) : storedValue(f, raw, refs)
  }
  return out
}

const newRowId = () => randomBytes(12).toString('hex')

function storedValue(f: Field, v: unknown, refs: References): unknown {
  switch (f.type) {
    case 'group':
      return toStoredDocument(f.fields, v as Doc, refs, false)
    case 'array':
      if (isStringList(f)) return (v as string[]).map((text) => ({ id: newRowId(), text }))
      return (v as Doc[]).map((row) => ({ id: newRowId(), ...toStoredDocument(f.fields, row, refs, false) }))
    default:
      return valueToPayload(f, v, sourceLocale, refs, undefined)
  }
}

/** One stored document (read with locale 'all') as its content/ file holds it. */
export function contentDocument(fields: Field[], d: Doc, refs: References, warn: (m: string) => void): Doc {
  return orderProvenance(unreviewedByDefault(fromPayload(fields, d, refs, warn)))
}

/**
 * A language saved without saying how far it can be trusted (a translator who left the status
 * empty) is exported as machine, i.e. unreviewed: the honest default, and content/ wants a status
 * for every language with text.
 */
function unreviewedByDefault(doc: Doc): Doc {
  const status = (doc.translationStatus ?? {}) as Record<string, string>
  const present = new Set(localesIn(doc))
  const missing = localeCodes.filter((l) => l !== sourceLocale && present.has(l) && !status[l])
  if (missing.length === 0) return doc
  return { ...doc, translationStatus: Object.fromEntries(localeCodes.filter((l) => status[l] || missing.includes(l)).map((l) => [l, status[l] ?? 'machine'])) }
}
