import type { CollectionConfig } from 'payload'
import { contentAccess } from '../../access/roles.ts'
import { slugField } from '../../fields/slug.ts'
import { provenanceFields } from '../../fields/provenance.ts'
import { contentVersions } from '../options.ts'

/** The printed leaflet's text blocks; municipal facts (venue, time, contact) are added at print. */
export const Leaflets: CollectionConfig = {
  slug: 'leaflets',
  admin: { useAsTitle: 'headline', defaultColumns: ['headline', 'municipality', '_status', 'translations'], group: 'Content' },
  access: contentAccess,
  versions: contentVersions,
  fields: [
    slugField(),
    {
      name: 'municipality',
      type: 'relationship',
      relationTo: 'municipalities',
      admin: { description: { da: 'Tom: den landsdækkende folder, der bruges i alle kommuner.', en: 'Empty: the national leaflet used in every municipality.' } },
    },
    { name: 'film', type: 'relationship', relationTo: 'films' },
    { name: 'headline', type: 'text', localized: true, required: true },
    { name: 'forWhom', type: 'textarea', localized: true, required: true },
    { name: 'whatHappens', type: 'textarea', localized: true, required: true },
    { name: 'practical', type: 'textarea', localized: true, required: true },
    { name: 'howToJoin', type: 'textarea', localized: true, required: true },
    { name: 'filmCall', type: 'textarea', localized: true },
    ...provenanceFields,
  ],
}
