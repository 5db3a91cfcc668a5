/** The id a relationship field holds, whether it was read at depth 0 (the id) or populated (the document). */
export const relationId = (v: unknown): unknown => (v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v)
