import type { CollectionConfig, GroupField } from 'payload'
import { contentAccess } from '../../access/roles.ts'
import { slugField } from '../../fields/slug.ts'
import { stringListField } from '../../fields/stringList.ts'
import { provenanceFields } from '../../fields/provenance.ts'
import { activityThemes, groupPhases, guestKinds, materialsLevels, seasons } from '../../../content/schema/vocabulary.ts'
import { contentVersions, optionsOf } from '../options.ts'
import type { Bilingual } from '../../adminLanguage.ts'

const range = (name: string, min: number, max: number, description: Bilingual): GroupField => ({
  name,
  type: 'group',
  admin: { description },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'min', type: 'number', required: true, min, max },
        { name: 'max', type: 'number', required: true, min, max },
      ],
    },
  ],
})

/** The volunteers' inspiration catalogue: one activity for a group session. */
export const Activities: CollectionConfig = {
  slug: 'activities',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'themes', 'durationMinutes', '_status', 'translations'], group: 'Content' },
  access: contentAccess,
  versions: contentVersions,
  fields: [
    slugField(),
    { name: 'title', type: 'text', localized: true, required: true },
    { name: 'summary', type: 'textarea', localized: true, required: true },
    { name: 'purpose', type: 'textarea', localized: true, required: true },
    stringListField('steps', { required: true, multiline: true }),
    stringListField('materials'),
    { name: 'materialsLevel', type: 'select', options: optionsOf(materialsLevels), required: true },
    { name: 'durationMinutes', type: 'number', required: true, min: 5, max: 480 },
    range('babyAgeMonths', 0, 24, { da: 'Babyens alder i måneder.', en: 'Baby age in months.' }),
    range('groupSize', 1, 40, { da: 'Antal mødre.', en: 'Number of mothers.' }),
    { name: 'groupPhase', type: 'select', options: optionsOf(groupPhases), required: true },
    { name: 'themes', type: 'select', hasMany: true, options: optionsOf(activityThemes), required: true },
    { name: 'guest', type: 'select', options: optionsOf(guestKinds), required: true },
    { name: 'worksWithoutSharedLanguage', type: 'checkbox', required: true, defaultValue: false },
    { name: 'seasons', type: 'select', hasMany: true, options: optionsOf(seasons), required: true },
    { name: 'tips', type: 'textarea', localized: true },
    { name: 'cautions', type: 'textarea', localized: true },
    stringListField('keywords', { label: 'Search keywords and synonyms' }),
    { name: 'images', type: 'upload', relationTo: 'media', hasMany: true },
    ...provenanceFields,
  ],
}
