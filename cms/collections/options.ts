/** Turns a vocabulary into select options; labels are the keys, readable enough for staff. */
export const optionsOf = (values: readonly string[]) => values.map((value) => ({ value, label: value.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) }))

/**
 * Drafts and a version history on every content collection, with the status kept per locale
 * (Payload's experimental localized status): publishing Arabic publishes only the Arabic text.
 */
export const contentVersions = { drafts: { localizeStatus: true }, maxPerDoc: 50 } as const
