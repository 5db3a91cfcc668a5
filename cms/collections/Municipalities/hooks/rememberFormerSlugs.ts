import type { CollectionBeforeChangeHook } from 'payload'

/** A renamed municipality keeps its old URLs: the old slug is remembered and redirects. */
export const rememberFormerSlugs: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) => {
  if (operation !== 'update' || !originalDoc?.slug || !data.slug || data.slug === originalDoc.slug) return data
  const former = new Set<string>([...(originalDoc.formerSlugs ?? []), originalDoc.slug])
  former.delete(data.slug) // renamed back: the slug is current again
  return { ...data, formerSlugs: [...former] }
}
