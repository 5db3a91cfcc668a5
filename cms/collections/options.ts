/** Turns a vocabulary into select options; labels are the keys, readable enough for staff. */
export const optionsOf = (values: readonly string[]) =>
  values.map((value) => ({ value, label: value.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) }))

/** Drafts and a version history on every content collection. */
export const contentVersions = { drafts: true, maxPerDoc: 50 } as const

/**
 * Public reads filter on `_status = published` and sort by creation: without this index SQLite
 * picks the `_status` index and sorts every row, which took 22 s for 5,000 activities (0.3 s with it).
 */
export const publishedListIndexes = [{ fields: ['_status', 'createdAt'] }]
