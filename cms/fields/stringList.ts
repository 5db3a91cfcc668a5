import type { ArrayField } from 'payload'

/**
 * A localized list of short texts (steps, materials, keywords). Stored as rows of `{ text }`;
 * content/ writes it as a plain list of strings (see `custom.content`).
 */
export const stringListField = (name: string, opts: { required?: boolean; label?: string; multiline?: boolean } = {}): ArrayField => ({
  name,
  label: opts.label,
  type: 'array',
  localized: true,
  required: opts.required,
  minRows: opts.required ? 1 : undefined,
  custom: { content: 'stringList' },
  fields: [opts.multiline ? { name: 'text', type: 'textarea', required: true } : { name: 'text', type: 'text', required: true }],
})
