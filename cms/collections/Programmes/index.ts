import type { CollectionConfig } from 'payload'
import { contentAccess } from '../../access/roles.ts'
import { slugField } from '../../fields/slug.ts'
import { provenanceFields } from '../../fields/provenance.ts'
import { contentVersions } from '../options.ts'

/** A programme run by an organisation (DRC's "Ny mor i Danmark", Mødrehjælpen, Red Cross, …). */
export const Programmes: CollectionConfig = {
  slug: 'programmes',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'organisation', '_status', 'translations'], group: 'Places' },
  access: contentAccess,
  versions: contentVersions,
  fields: [
    slugField(),
    { name: 'name', type: 'text', localized: true, required: true },
    { name: 'organisation', type: 'text', required: true },
    { name: 'description', type: 'textarea', localized: true, required: true },
    { name: 'targetGroup', type: 'textarea', localized: true, required: true },
    { name: 'website', type: 'text' },
    ...provenanceFields,
  ],
}
