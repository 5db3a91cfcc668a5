/** The units of an XLIFF file: the text segments of a content field, and where each one lives. */
import type { ContentKind } from '../collections.ts'
import { isLocalizedMap, type Provenance } from '../translations.ts'
import { sourceLocale, type LocaleCode } from '../../locales/registry.ts'

export type XliffDoc = Record<string, unknown> & Provenance & { slug: string }
export interface CollectionDoc {
  collection: ContentKind
  doc: XliffDoc
}

export type PathPart = string | number

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
export const trailing = (s: string) => /\s*$/.exec(s)!.index
export const withoutTrailing = (s: string) => s.slice(0, trailing(s))
export const trailingOf = (s: string) => s.slice(trailing(s))

/** Characters XML 1.0 cannot carry (a library would write them and break the file). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
export const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

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
