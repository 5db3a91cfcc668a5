import type { ArrayFieldValidation, CollectionConfig } from 'payload'
import { contentAccess } from '../../access/roles.ts'
import { slugField } from '../../fields/slug.ts'
import { provenanceFields } from '../../fields/provenance.ts'
import { chapterLabels } from '../../../content/schema/vocabulary.ts'
import { chapterProblems } from '../../../content/schema/chapters.ts'
import daFilms from '../../../locales/da/films.json' with { type: 'json' }
import enFilms from '../../../locales/en/films.json' with { type: 'json' }
import { contentVersions } from '../options.ts'

/** The same rule as content/: starts ascending and inside the film, so the export never writes an invalid file. */
const validateChapters: ArrayFieldValidation = (value, { siblingData }) => {
  const rows = (Array.isArray(value) ? value : []) as Array<{ start?: number | null }>
  const duration = (siblingData as { durationSeconds?: number }).durationSeconds
  const problems = chapterProblems(
    rows.map((r) => r.start ?? 0),
    duration,
  )
  return problems.length === 0 ? true : problems.map((p) => `Chapter ${p.index + 1}: ${p.message}`).join('; ')
}

/** A film shown to mothers (from the leaflet's QR code, or on the health visitor's tablet). */
export const Films: CollectionConfig = {
  slug: 'films',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'durationSeconds', '_status', 'translations'], group: 'Content' },
  access: contentAccess,
  versions: contentVersions,
  fields: [
    slugField(),
    { name: 'title', type: 'text', localized: true, required: true },
    { name: 'description', type: 'textarea', localized: true, required: true },
    { name: 'durationSeconds', type: 'number', required: true, min: 1, max: 7200 },
    { name: 'poster', type: 'upload', relationTo: 'media' },
    {
      name: 'video',
      type: 'upload',
      relationTo: 'videos',
      admin: {
        description: {
          da: 'Selve filmen (MP4 eller WebM). Sitet laver de små og store udgaver til telefoner ud fra den.',
          en: 'The film itself (MP4 or WebM). The site makes the small and large versions for phones from it.',
        },
      },
    },
    {
      name: 'chapters',
      type: 'array',
      admin: { description: { da: 'Hvor en sundhedsplejerske kan springe hen, i rækkefølge, alle inden for filmen.', en: 'Where a health visitor can jump to, in order, each inside the film.' } },
      validate: validateChapters,
      fields: [
        { name: 'start', type: 'number', required: true, min: 0, admin: { description: { da: 'Sekunder fra starten.', en: 'Seconds from the start.' } } },
        {
          name: 'label',
          type: 'select',
          required: true,
          // The key is stored (every language has its label); staff see it in their language.
          options: chapterLabels.map((value) => {
            const key = value.slice('chapter.'.length) as keyof typeof daFilms.chapter
            return { value, label: { da: daFilms.chapter[key], en: enFilms.chapter[key] } }
          }),
        },
      ],
    },
    {
      name: 'subtitles',
      type: 'code',
      localized: true,
      admin: { language: 'plaintext', description: { da: 'WebVTT-undertekster på dette sprog.', en: 'WebVTT subtitles for this language.' } },
      validate: (v: string | null | undefined) => (!v || v.startsWith('WEBVTT') ? true : 'Subtitles must be WebVTT text starting with "WEBVTT".'),
    },
    { name: 'transcript', type: 'textarea', localized: true },
    ...provenanceFields,
  ],
}
