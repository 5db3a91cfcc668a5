/**
 * Translation provenance: for every document, locale and translatable field, one of
 *   missing    no text in that locale
 *   machine    text, unreviewed (machine or demonstration translation)
 *   translated text, reviewed by a translator
 *   outdated   text made from a Danish source that has changed since
 * A translation records a hash of the Danish text it was made from (`sourceHashes[locale][field]`);
 * when the Danish text changes, its hash no longer matches. The Danish side records the day each
 * field last changed (`sourceUpdated[field]`), for the public notice.
 *
 * A "field" here is a top-level field whose value holds localized text anywhere inside it (a
 * localized field, or a group/list with localized parts, such as a municipality's venue). Pure
 * functions over content/ documents: the CMS, the site, the report and XLIFF all use these.
 */
import { createHash } from 'node:crypto'
import { localeCodes, sourceLocale, type LocaleCode } from '../locales/registry.ts'

export const translationStates = ['missing', 'machine', 'translated', 'outdated'] as const
export type TranslationState = (typeof translationStates)[number]

/** Top-level keys that describe translations rather than hold text. */
export const provenanceKeys = ['translationStatus', 'sourceHashes', 'sourceUpdated'] as const

type Doc = Record<string, unknown>
const localeSet = new Set<string>(localeCodes)

/** A localized map: an object whose keys are all locale codes. */
export function isLocalizedMap(v: unknown): v is Partial<Record<LocaleCode, unknown>> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false
  const keys = Object.keys(v)
  return keys.length > 0 && keys.every((k) => localeSet.has(k))
}

function holdsText(v: unknown): boolean {
  if (isLocalizedMap(v)) return true
  if (Array.isArray(v)) return v.some(holdsText)
  if (v && typeof v === 'object') return Object.values(v).some(holdsText)
  return false
}

/** The translatable fields of a document, in document order. */
export function translatableFields(doc: Doc): string[] {
  return Object.keys(doc).filter((k) => !(provenanceKeys as readonly string[]).includes(k) && holdsText(doc[k]))
}

/** A field's text in one locale: every localized map inside it replaced by that locale's value. */
export function project(value: unknown, locale: LocaleCode): unknown {
  if (isLocalizedMap(value)) return value[locale]
  if (Array.isArray(value)) return value.map((v) => project(v, locale))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, project(v, locale)]))
  return value
}

/** Whether a projection carries any text (some localized part has a value in that locale). */
function hasText(value: unknown, locale: LocaleCode): boolean {
  if (isLocalizedMap(value)) return value[locale] !== undefined
  if (Array.isArray(value)) return value.some((v) => hasText(v, locale))
  if (value && typeof value === 'object') return Object.values(value).some((v) => hasText(v, locale))
  return false
}

/** JSON with object keys sorted, so equal values hash alike whatever order a database gave them. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Doc)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Doc)[k])}`)
      .join(',')}}`
  return JSON.stringify(value ?? null)
}

/** The hash of a field's Danish text: 12 hex digits of SHA-256, enough to tell versions apart. */
export function sourceHash(doc: Doc, field: string): string {
  return createHash('sha256')
    .update(stableJson(project(doc[field], sourceLocale)))
    .digest('hex')
    .slice(0, 12)
}

export interface Provenance {
  translationStatus?: Partial<Record<LocaleCode, string>>
  sourceHashes?: Partial<Record<LocaleCode, Record<string, string>>>
  sourceUpdated?: Record<string, string>
}

export function fieldState(doc: Doc & Provenance, locale: LocaleCode, field: string): TranslationState {
  if (!hasText(doc[field], locale)) return 'missing'
  if (locale === sourceLocale) return 'translated'
  const madeFrom = doc.sourceHashes?.[locale]?.[field]
  if (madeFrom !== undefined && madeFrom !== sourceHash(doc, field)) return 'outdated'
  return doc.translationStatus?.[locale] === 'reviewed' ? 'translated' : 'machine'
}

/** Every translatable field's state in one locale. */
export function documentStates(doc: Doc & Provenance, locale: LocaleCode): Record<string, TranslationState> {
  return Object.fromEntries(translatableFields(doc).map((f) => [f, fieldState(doc, locale, f)]))
}

/** What a document is called, in Danish: its title, name, headline or (a picture) its description; else its slug. */
export function danishTitle(doc: Doc): string {
  for (const key of ['title', 'name', 'headline', 'alt']) {
    const v = doc[key]
    if (isLocalizedMap(v) && typeof v[sourceLocale] === 'string') return v[sourceLocale] as string
  }
  return String(doc.slug)
}

/** The fields whose translation into `locale` is behind the Danish, and when the Danish last changed. */
export function outdated(doc: Doc & Provenance, locale: LocaleCode): { fields: string[]; sourceUpdated?: string } {
  if (locale === sourceLocale) return { fields: [] }
  const fields = translatableFields(doc).filter((f) => fieldState(doc, locale, f) === 'outdated')
  const dates = fields
    .map((f) => doc.sourceUpdated?.[f])
    .filter((d): d is string => d !== undefined)
    .sort()
  return { fields, ...(dates.length ? { sourceUpdated: dates.at(-1) } : {}) }
}

/**
 * The hashes a translation into `locale` was made from, for the fields that have text in it:
 * what a translator's save (or an import) records.
 */
export function stampHashes(doc: Doc, locale: LocaleCode, fields = translatableFields(doc)): Record<string, string> {
  return Object.fromEntries(fields.filter((f) => hasText(doc[f], locale)).map((f) => [f, sourceHash(doc, f)]))
}

export type Coverage = Record<TranslationState, number>
export const emptyCoverage = (): Coverage => ({ missing: 0, machine: 0, translated: 0, outdated: 0 })

/** Field counts per state for one locale over many documents. */
export function coverage(docs: ReadonlyArray<Doc & Provenance>, locale: LocaleCode): Coverage {
  const c = emptyCoverage()
  for (const doc of docs) for (const state of Object.values(documentStates(doc, locale))) c[state]++
  return c
}

/**
 * The provenance maps with their keys in field order (locales in registry order), whatever order
 * a database returned them in: exports stay byte-identical on SQLite and PostgreSQL.
 */
export function orderProvenance<T extends Doc & Provenance>(doc: T): T {
  const fields = translatableFields(doc)
  const ordered = (map: Record<string, string>) => Object.fromEntries(fields.filter((f) => map[f] !== undefined).map((f) => [f, map[f]!]))
  const out: Doc = { ...doc }
  if (doc.sourceHashes) out.sourceHashes = Object.fromEntries(localeCodes.filter((l) => doc.sourceHashes![l]).map((l) => [l, ordered(doc.sourceHashes![l]!)]))
  if (doc.sourceUpdated) out.sourceUpdated = ordered(doc.sourceUpdated)
  return out as T
}
