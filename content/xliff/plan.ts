/** What an import writes: each unit matched to its document, field and Danish text, or refused with the reason. */
import type { ContentKind } from '../collections.ts'
import { sourceHash, translatableFields } from '../translations.ts'
import { sourceLocale, type LocaleCode } from '../../locales/registry.ts'
import { fieldSegments, unitId, withoutTrailing, trailingOf } from './segments.ts'
import type { XliffDoc, PathPart, Segment, Refusal } from './segments.ts'
import type { ImportUnit } from './parse.ts'

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
