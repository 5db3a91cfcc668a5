import type { References } from './convert.ts'

export type ContentReferences = References & { add(collection: string, slug: string, id: number | string): void }

/**
 * Slug ↔ id for every document of the content collections, filled as documents are read or
 * created. Videos are named by their file name, which content/ uses in their place.
 */
export function fromPayloadRefs(): ContentReferences {
  const ids = new Map<string, number | string>()
  const slugs = new Map<string, string>()
  return {
    add(collection, slug, id) {
      ids.set(`${collection}/${slug}`, id)
      slugs.set(`${collection}/${String(id)}`, slug)
    },
    idOf(collection, slug) {
      const id = ids.get(`${collection}/${slug}`)
      if (id === undefined) throw new Error(`No ${collection} document with slug "${slug}"`)
      return id
    },
    slugOf(collection, id) {
      return slugs.get(`${collection}/${String(id)}`)
    },
  }
}
