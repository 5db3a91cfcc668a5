import type { CollectionConfig } from 'payload'
import {
  BlockquoteFeature,
  BoldFeature,
  FixedToolbarFeature,
  HeadingFeature,
  InlineToolbarFeature,
  ItalicFeature,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  UnorderedListFeature,
  lexicalEditor,
} from '@payloadcms/richtext-lexical'
import { contentAccess } from '../../access/roles.ts'
import { slugField } from '../../fields/slug.ts'
import { provenanceFields } from '../../fields/provenance.ts'
import { reviewBothMessage } from '../../../content/schema/index.ts'
import { guideTopics, localOfferKinds, reviewerRoles } from '../../../content/schema/vocabulary.ts'
import { contentVersions, optionsOf } from '../options.ts'

/**
 * Only what Markdown can express, so a guide round-trips through content/ without loss
 * (no alignment, colours or embedded uploads).
 */
export const guideEditor = lexicalEditor({
  features: () => [
    ParagraphFeature(),
    HeadingFeature({ enabledHeadingSizes: ['h2', 'h3'] }),
    BoldFeature(),
    ItalicFeature(),
    LinkFeature({ enabledCollections: [] }),
    UnorderedListFeature(),
    OrderedListFeature(),
    BlockquoteFeature(),
    FixedToolbarFeature(),
    InlineToolbarFeature(),
  ],
})

/** A topic guide: what mothers ask about in the groups. */
export const Guides: CollectionConfig = {
  slug: 'guides',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'topic', 'lastReviewed', '_status', 'translations'], group: 'Content' },
  access: contentAccess,
  versions: contentVersions,
  fields: [
    slugField(),
    { name: 'topic', type: 'select', options: optionsOf(guideTopics), required: true, unique: true },
    { name: 'title', type: 'text', localized: true, required: true },
    { name: 'summary', type: 'textarea', localized: true, required: true },
    { name: 'body', type: 'richText', localized: true, required: true, editor: guideEditor },
    { name: 'relatedActivities', type: 'relationship', relationTo: 'activities', hasMany: true },
    {
      name: 'relatedOfferKinds',
      type: 'select',
      hasMany: true,
      options: optionsOf(localOfferKinds),
      admin: {
        description: { da: 'Lokale tilbud af disse slags vises ved siden af vejledningen i hver kommune.', en: 'Local offers of these kinds are shown beside the guide in each municipality.' },
      },
    },
    // Filled in by the person who checked the text; the site claims a review only then.
    {
      name: 'lastReviewed',
      type: 'date',
      admin: {
        date: { pickerAppearance: 'dayOnly' },
        description: {
          da: 'Den dag, en fagperson gennemså vejledningen. Lad feltet stå tomt, indtil nogen har gjort det.',
          en: 'The day a professional checked this guide. Leave empty until someone has.',
        },
      },
      // The refusal goes to the field that is missing, as in the content schema.
      validate: (v: unknown, { siblingData }: { siblingData: { reviewerRole?: unknown } }) => (v || !siblingData?.reviewerRole ? true : reviewBothMessage),
    },
    {
      name: 'reviewerRole',
      type: 'select',
      options: optionsOf(reviewerRoles),
      admin: { description: { da: 'Hvem der gennemså den. Lad feltet stå tomt, indtil nogen har gjort det.', en: 'Who checked it. Leave empty until someone has.' } },
      validate: (v: unknown, { siblingData }: { siblingData: { lastReviewed?: unknown } }) => (v || !siblingData?.lastReviewed ? true : reviewBothMessage),
    },
    ...provenanceFields,
  ],
}
