import type { Field } from 'payload'
import { translationStatusField } from './translationStatus.ts'

/**
 * Where each translation came from (content/translations.ts): the hashes of the Danish text it was
 * made from, per locale and field, and the day each Danish field last changed. Kept by the
 * recordProvenance hook, read-only in the admin, exported to content/ like any field.
 */
export const provenanceFields: Field[] = [
  translationStatusField,
  {
    name: 'sourceHashes',
    type: 'json',
    localized: true,
    admin: { hidden: true, readOnly: true },
  },
  {
    name: 'sourceUpdated',
    type: 'json',
    admin: { hidden: true, readOnly: true },
  },
  {
    // Shows the states; stores nothing.
    name: 'translations',
    type: 'ui',
    admin: {
      position: 'sidebar',
      components: { Field: '/components/TranslationPanel#TranslationPanel', Cell: '/components/TranslationBadges#TranslationBadges' },
    },
  },
]
