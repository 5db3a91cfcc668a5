import type { TextField } from 'payload'

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The document's permanent name in URLs and in content/ file names. */
export const slugField = (): TextField => ({
  name: 'slug',
  type: 'text',
  required: true,
  unique: true,
  index: true,
  validate: (value: string | null | undefined) => (typeof value === 'string' && slugPattern.test(value) ? true : 'Use lower-case letters, digits and single hyphens (a-z, 0-9, -).'),
  admin: { position: 'sidebar' },
})
