import type { CollectionConfig } from 'payload'
import { municipalityAccess } from '../../access/roles.ts'
import { slugField } from '../../fields/slug.ts'
import { provenanceFields } from '../../fields/provenance.ts'
import { whatsappProblem } from '../../../content/schema/links.ts'
import { localOfferKinds, venueTypes, weekdays } from '../../../content/schema/vocabulary.ts'
import { contentVersions, optionsOf } from '../options.ts'
import { keepShortCodePermanent } from './hooks/keepShortCodePermanent.ts'
import { rememberFormerSlugs } from './hooks/rememberFormerSlugs.ts'

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/
const validTime = (v: string | null | undefined) => (v && timePattern.test(v) ? true : 'Write the time as HH:MM, e.g. 09:00.')

/** One local group site: where and when mothers meet, and who to contact. */
export const Municipalities: CollectionConfig = {
  slug: 'municipalities',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'shortCode', 'programme', '_status', 'translations'], group: 'Places' },
  access: municipalityAccess,
  versions: contentVersions,
  hooks: { beforeChange: [keepShortCodePermanent, rememberFormerSlugs] },
  fields: [
    slugField(),
    {
      name: 'formerSlugs',
      type: 'text',
      hasMany: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: {
          da: 'Tidligere adresser; deres links virker stadig. Tilføjes af sig selv, når adressen ændres.',
          en: 'Earlier slugs; their links keep working. Added automatically when the slug changes.',
        },
      },
    },
    {
      name: 'shortCode',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: (v: string | null | undefined) => (v && /^[A-Z0-9]{2,8}$/.test(v) ? true : 'Use 2-8 upper-case letters or digits.'),
      admin: {
        position: 'sidebar',
        description: { da: 'Trykt i QR-koder. Permanent: den kan aldrig ændres, når den først er gemt.', en: 'Printed in QR codes. Permanent: it can never change once saved.' },
      },
    },
    { name: 'name', type: 'text', localized: true, required: true },
    { name: 'area', type: 'text', admin: { description: { da: 'Bydel, fx Tilst.', en: 'Part of town, e.g. Tilst.' } } },
    { name: 'programme', type: 'relationship', relationTo: 'programmes', required: true },
    {
      name: 'intro',
      type: 'textarea',
      localized: true,
      required: true,
      admin: { description: { da: 'Korte, enkle sætninger til en mor, der læser lidt.', en: 'Short, plain sentences for a mother who reads little.' } },
    },
    {
      name: 'venue',
      type: 'group',
      fields: [
        { name: 'type', type: 'select', options: optionsOf(venueTypes), required: true },
        { name: 'name', type: 'text', required: true },
        { name: 'street', type: 'text', required: true },
        { name: 'postalCode', type: 'text', required: true, validate: (v: string | null | undefined) => (v && /^\d{4}$/.test(v) ? true : 'A Danish postal code has 4 digits.') },
        { name: 'city', type: 'text', required: true },
        // Two numbers rather than a point field: PostgreSQL points need PostGIS, a server extension.
        {
          name: 'geo',
          type: 'group',
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'lat', type: 'number', min: -90, max: 90 },
                { name: 'lng', type: 'number', min: -180, max: 180 },
              ],
            },
          ],
        },
        { name: 'directions', type: 'textarea', localized: true },
      ],
    },
    {
      name: 'schedule',
      type: 'group',
      fields: [
        { name: 'weekday', type: 'select', options: optionsOf(weekdays), required: true },
        { name: 'startTime', type: 'text', required: true, validate: validTime },
        { name: 'endTime', type: 'text', required: true, validate: validTime },
        {
          name: 'rounds',
          type: 'array',
          fields: [
            { name: 'startDate', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
            { name: 'endDate', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
          ],
        },
      ],
    },
    {
      name: 'contact',
      type: 'group',
      admin: { description: { da: 'En fælles indbakke og telefon, aldrig én person: folk er syge og på ferie.', en: 'A shared inbox and phone, never one person: people are ill and on holiday.' } },
      fields: [
        { name: 'email', type: 'email', required: true },
        { name: 'phone', type: 'text', required: true, validate: (v: string | null | undefined) => (v && /^\+\d{8,15}$/.test(v) ? true : 'Write the number with country code, e.g. +4512345678.') },
        {
          name: 'whatsappUrl',
          type: 'text',
          label: 'WhatsApp chat',
          admin: {
            description: {
              da: 'En WhatsApp-chat med det fælles nummer: https://wa.me/ og dets cifre. Aldrig gruppens invitationslink: en mor føjes til gruppen, når hun har sagt ja.',
              en: "A WhatsApp chat with the shared number: https://wa.me/ and its digits. Never the group's invite link: a mother is added to the group after she has said yes.",
            },
          },
          // The content schema's own rule, so a save the export would refuse is refused here.
          validate: (v: string | null | undefined, { siblingData }: { siblingData: { phone?: string } }) => (v ? (whatsappProblem(v, siblingData?.phone) ?? true) : true),
        },
      ],
    },
    {
      name: 'localOffers',
      type: 'array',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'kind', type: 'select', options: optionsOf(localOfferKinds), required: true },
        { name: 'url', type: 'text' },
        { name: 'description', type: 'textarea', localized: true, required: true },
      ],
    },
    ...provenanceFields,
  ],
}
