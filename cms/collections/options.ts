/** Turns a vocabulary into select options; labels are the keys, readable enough for staff. */
export const optionsOf = (values: readonly string[]) =>
  values.map((value) => ({ value, label: value.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) }))

/** Drafts and a version history on every content collection. */
export const contentVersions = { drafts: true, maxPerDoc: 50 } as const
