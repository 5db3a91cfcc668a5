import type { CollectionConfig } from 'payload'
import { contentAccess } from '../../access/roles.ts'
import { slugField } from '../../fields/slug.ts'
import { provenanceFields } from '../../fields/provenance.ts'
import { contentVersions, publishedListIndexes } from '../options.ts'

/** A film shown to mothers (from the leaflet's QR code, or on the health visitor's tablet). */
export const Films: CollectionConfig = {
  slug: 'films',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'durationSeconds', '_status', 'translations'], group: 'Content' },
  access: contentAccess,
  versions: contentVersions,
  indexes: publishedListIndexes,
  fields: [
    slugField(),
    { name: 'title', type: 'text', localized: true, required: true },
    { name: 'description', type: 'textarea', localized: true, required: true },
    { name: 'durationSeconds', type: 'number', required: true, min: 1, max: 7200 },
    { name: 'poster', type: 'upload', relationTo: 'media' },
    {
      name: 'subtitles',
      type: 'code',
      localized: true,
      admin: { language: 'plaintext', description: 'WebVTT subtitles for this language.' },
      validate: (v: string | null | undefined) => (!v || v.startsWith('WEBVTT') ? true : 'Subtitles must be WebVTT text starting with "WEBVTT".'),
    },
    { name: 'transcript', type: 'textarea', localized: true },
    ...provenanceFields,
  ],
}
