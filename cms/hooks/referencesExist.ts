/**
 * A save that points at a document that does not exist (a picture, a programme, a municipality) is
 * refused, naming the field and the id. The database would refuse it too, but mid-write: SQLite
 * runs Payload's saves without a transaction, so the document's other links were already deleted
 * when the insert failed, and the editor saw "Something went wrong". Checked before the write,
 * for every save (drafts too) of every collection. Not for the seed: content/ was validated,
 * references included, before it is loaded, and a bulk seed would pay one query per document.
 */
import { ValidationError, type CollectionBeforeChangeHook, type CollectionSlug, type Field } from 'payload'
import { dataFields, nestedFields } from '../fields/walk.ts'
import { collectionLabels } from '../adminLabels.ts'
import { inAdminLanguage } from '../adminLanguage.ts'

type Reference = { path: string; collection: string; id: number | string }

const idOf = (v: unknown): number | string | undefined => {
  if (typeof v === 'number' || typeof v === 'string') return v
  if (v && typeof v === 'object') {
    const o = v as { id?: unknown; value?: unknown }
    return idOf(o.value !== undefined ? o.value : o.id)
  }
  return undefined
}

/** Every id the data points at, with the field's path. */
function referencesIn(fields: Field[], data: Record<string, unknown>, prefix = ''): Reference[] {
  return dataFields(fields).flatMap((f): Reference[] => {
    const value = data[f.name]
    if (value === undefined || value === null) return []
    const path = prefix + f.name
    if (f.type === 'relationship' || f.type === 'upload') {
      const values = Array.isArray(value) ? value : [value]
      return values.flatMap((v) => {
        const polymorphic = v && typeof v === 'object' && 'relationTo' in v ? String((v as { relationTo: unknown }).relationTo) : undefined
        const collection = polymorphic ?? (Array.isArray(f.relationTo) ? undefined : f.relationTo)
        const id = idOf(v)
        return collection && id !== undefined && id !== '' ? [{ path, collection, id }] : []
      })
    }
    if (f.type === 'group' && typeof value === 'object') return referencesIn(nestedFields(f), value as Record<string, unknown>, `${path}.`)
    if ((f.type === 'array' || f.type === 'blocks') && Array.isArray(value)) return value.flatMap((row: Record<string, unknown>, i) => referencesIn(nestedFields(f, row), row, `${path}.${i}.`))
    return []
  })
}

export const referencesExist: CollectionBeforeChangeHook = async ({ collection, context, data, req }) => {
  if (context.seeding) return data
  const references = referencesIn(collection.fields, data as Record<string, unknown>)
  if (references.length === 0) return data
  const byCollection = new Map<string, Reference[]>()
  for (const r of references) byCollection.set(r.collection, [...(byCollection.get(r.collection) ?? []), r])
  const errors: Array<{ path: string; message: string }> = []
  for (const [target, refs] of byCollection) {
    const ids = [...new Set(refs.map((r) => r.id))]
    const { docs } = await req.payload.find({
      collection: target as CollectionSlug,
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: true,
      draft: true,
      req,
    })
    const found = new Set(docs.map((d) => String(d.id)))
    const danish = collectionLabels[target]?.singular.da ?? target
    for (const r of refs)
      if (!found.has(String(r.id))) errors.push({ path: r.path, message: inAdminLanguage(req, { da: `${danish} med id ${r.id} findes ikke`, en: `there is no ${target} document with id ${r.id}` }) })
  }
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req })
  return data
}
