import type { Field } from 'payload'
import { translationStatuses } from '../../content/schema/vocabulary.ts'

/**
 * How far the translation in the current locale can be trusted. Localized, so every locale keeps
 * its own value; empty in Danish, the source.
 */
export const translationStatusField: Field = {
  name: 'translationStatus',
  type: 'select',
  localized: true,
  options: translationStatuses.map((value) => ({ value, label: value === 'machine' ? 'Machine / unreviewed' : 'Reviewed by a translator' })),
  admin: {
    position: 'sidebar',
    description: {
      da: 'Maskin- og demooversættelser forbliver "maskinoversat", indtil en fagperson har gennemset dem.',
      en: 'Machine or demo translations stay "machine" until a professional has reviewed them.',
    },
  },
}
