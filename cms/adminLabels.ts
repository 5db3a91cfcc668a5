/**
 * The admin in Danish: the names of our collections, fields, choices and navigation groups, one
 * home for all of them. `inBothLanguages` gives every collection its Danish labels beside the
 * English ones Payload derives from the field names (or a collection's own), so a field keeps one
 * name in every collection and none can be forgotten: tests/cms/admin-language.test.ts walks the
 * whole configuration. Descriptions and messages stay beside their fields, in both languages.
 */
import type { CollectionConfig, Field, Option } from 'payload'
import { toWords } from 'payload/shared'
import daCatalogue from '../locales/da/catalogue.json' with { type: 'json' }
import daCommon from '../locales/da/common.json' with { type: 'json' }
import type { AdminLanguage, Bilingual } from './adminLanguage.ts'
import { dataFields } from './fields/walk.ts'

type Labels = { singular: Bilingual; plural: Bilingual }

const both = (da: string, en: string): Bilingual => ({ da, en })
const pair = (singular: [string, string], plural: [string, string]): Labels => ({ singular: both(...singular), plural: both(...plural) })

export const collectionLabels: Record<string, Labels> = {
  users: pair(['Medarbejder', 'User'], ['Medarbejdere', 'Users']),
  'health-visitors': pair(['Sundhedsplejerske', 'Health visitor'], ['Sundhedsplejersker', 'Health visitors']),
  media: pair(['Billede', 'Image'], ['Billeder', 'Images']),
  videos: pair(['Videofil', 'Video file'], ['Videofiler', 'Video files']),
  programmes: pair(['Program', 'Programme'], ['Programmer', 'Programmes']),
  municipalities: pair(['Kommune', 'Municipality'], ['Kommuner', 'Municipalities']),
  activities: pair(['Aktivitet', 'Activity'], ['Aktiviteter', 'Activities']),
  guides: pair(['Vejledning', 'Guide'], ['Vejledninger', 'Guides']),
  films: pair(['Film', 'Film'], ['Film', 'Films']),
  leaflets: pair(['Folder', 'Leaflet'], ['Foldere', 'Leaflets']),
  'audit-events': pair(['Logpost', 'Audit event'], ['Log over handlinger', 'Audit events']),
  referrals: pair(['Henvisning', 'Referral'], ['Henvisninger', 'Referrals']),
}

/** The navigation's groups, by the English name the collections give. */
const groupLabels: Record<string, Bilingual> = {
  Content: both('Indhold', 'Content'),
  Admin: both('Administration', 'Admin'),
  Referrals: both('Henvisninger', 'Referrals'),
  Places: both('Steder', 'Places'),
}

/** A field's Danish name, by its name: the same name means the same thing in every collection. */
const fieldLabels: Record<string, string> = {
  name: 'Navn',
  role: 'Rolle',
  translatorLocales: 'Sprog, hun oversætter til',
  municipality: 'Kommune',
  municipalities: 'Kommuner',
  email: 'E-mail',
  slug: 'Adresse i URL (slug)',
  alt: 'Alternativ tekst',
  credit: 'Kreditering',
  translationStatus: 'Oversættelsens status',
  organisation: 'Organisation',
  description: 'Beskrivelse',
  targetGroup: 'Målgruppe',
  website: 'Hjemmeside',
  formerSlugs: 'Tidligere adresser',
  shortCode: 'Kort kode',
  area: 'Bydel',
  programme: 'Program',
  intro: 'Introduktion',
  venue: 'Mødested',
  type: 'Type',
  street: 'Gade',
  postalCode: 'Postnummer',
  city: 'By',
  geo: 'Placering på kortet',
  lat: 'Breddegrad',
  lng: 'Længdegrad',
  directions: 'Vejvisning',
  schedule: 'Mødetid',
  weekday: 'Ugedag',
  startTime: 'Starttid',
  endTime: 'Sluttid',
  rounds: 'Forløb',
  startDate: 'Startdato',
  endDate: 'Slutdato',
  contact: 'Kontakt',
  phone: 'Telefon',
  whatsappUrl: 'WhatsApp-link',
  localOffers: 'Lokale tilbud',
  kind: 'Slags',
  title: 'Titel',
  summary: 'Resumé',
  purpose: 'Formål',
  steps: 'Trin',
  text: 'Tekst',
  materials: 'Materialer',
  materialsLevel: 'Materialebehov',
  durationMinutes: 'Varighed (minutter)',
  babyAgeMonths: 'Babyens alder (måneder)',
  min: 'Fra',
  max: 'Til',
  groupSize: 'Gruppens størrelse',
  groupPhase: 'Gruppens fase',
  themes: 'Temaer',
  guest: 'Gæst',
  worksWithoutSharedLanguage: 'Kan bruges uden fælles sprog',
  seasons: 'Årstider',
  tips: 'Gode råd',
  cautions: 'Vær opmærksom på',
  keywords: 'Søgeord og synonymer',
  images: 'Billeder',
  topic: 'Emne',
  body: 'Brødtekst',
  relatedActivities: 'Relaterede aktiviteter',
  relatedOfferKinds: 'Lokale tilbud af disse slags',
  lastReviewed: 'Senest gennemset',
  reviewerRole: 'Gennemset af',
  durationSeconds: 'Varighed (sekunder)',
  poster: 'Stillbillede',
  video: 'Video',
  chapters: 'Kapitler',
  start: 'Start',
  label: 'Kapitlets navn',
  subtitles: 'Undertekster',
  transcript: 'Udskrift',
  film: 'Film',
  headline: 'Overskrift',
  forWhom: 'For hvem',
  whatHappens: 'Hvad sker der',
  practical: 'Praktisk',
  howToJoin: 'Sådan kommer du med',
  filmCall: 'Opfordring til filmen',
  at: 'Tidspunkt',
  actorId: 'Hvem (id)',
  actorEmail: 'Hvem (e-mail)',
  actorRole: 'Hvem (rolle)',
  action: 'Handling',
  target: 'Hvad',
  locale: 'Sprog',
  fields: 'Felter',
  access: 'Adgang',
  firstName: 'Fornavn',
  language: 'Sprog',
  callTime: 'Godt tidspunkt at ringe',
  interpreter: 'Tolk nødvendig',
  note: 'Note',
  consent: 'Samtykke',
  source: 'Kilde',
  status: 'Status',
  referredBy: 'Henvist af',
  takenBy: 'Taget af',
  takenAt: 'Taget',
  closedAt: 'Afsluttet',
}

/** The rows of a list field, by its name (a list of short texts has items). */
const rowLabels: Record<string, Labels> = {
  rounds: pair(['Forløb', 'Round'], ['Forløb', 'Rounds']),
  localOffers: pair(['Lokalt tilbud', 'Local offer'], ['Lokale tilbud', 'Local offers']),
  chapters: pair(['Kapitel', 'Chapter'], ['Kapitler', 'Chapters']),
  subtitles: pair(['Undertekst', 'Subtitle'], ['Undertekster', 'Subtitles']),
}
const itemLabels = pair(['Punkt', 'Item'], ['Punkter', 'Items'])

const offerKinds = {
  familiehus: 'Familiehus',
  club: 'Klub',
  health: 'Sundhed',
  counselling: 'Rådgivning',
  'legal-advice': 'Juridisk rådgivning',
  language: 'Sprogundervisning',
  job: 'Job',
  library: 'Bibliotek',
  other: 'Andet',
}

/** The Danish name of each choice, by field name; the mothers' site's Danish words where it has them. */
const optionLabels: Record<string, Record<string, string>> = {
  themes: daCommon.themes,
  guest: daCommon.guests,
  seasons: daCommon.seasons,
  groupPhase: daCommon.phases,
  reviewerRole: daCommon.roles,
  materialsLevel: daCatalogue.facetValues.materials,
  type: { familiehus: 'Familiehus', sundhedshus: 'Sundhedshus', 'boligsocial-helhedsplan': 'Boligsocial helhedsplan', other: 'Andet' },
  weekday: { monday: 'Mandag', tuesday: 'Tirsdag', wednesday: 'Onsdag', thursday: 'Torsdag', friday: 'Fredag', saturday: 'Lørdag', sunday: 'Søndag' },
  kind: offerKinds,
  relatedOfferKinds: offerKinds,
  topic: {
    'food-and-sleep': 'Mad og søvn',
    'body-after-birth': 'Kroppen efter fødslen',
    breastfeeding: 'Amning',
    'relationships-and-contraception': 'Parforhold og prævention',
    'stimulating-the-baby': 'Leg og stimulering af babyen',
    'sibling-conflicts': 'Søskendekonflikter',
    'setting-limits': 'At sætte grænser',
    'screen-time': 'Skærmtid',
    'daycare-enrolment': 'Skrivning op til dagtilbud',
    'residence-permits': 'Opholdstilladelse',
    borgerservice: 'Borgerservice',
    'legal-matters': 'Juridiske spørgsmål',
    'brushing-baby-teeth': 'Tandbørstning af babyens tænder',
    'daycare-and-school-system': 'Dagtilbud og skole',
    'danish-traditions': 'Danske traditioner',
  },
  role: { admin: 'Administrator', editor: 'Redaktør', translator: 'Oversætter', coordinator: 'Koordinator' },
  action: {
    create: 'Oprettet',
    update: 'Ændret',
    publish: 'Offentliggjort',
    unpublish: 'Offentliggørelse fjernet',
    restore: 'Gendannet',
    delete: 'Slettet',
    access: 'Adgang ændret',
    export: 'Udleveret',
  },
  source: { 'health-visitor': 'Sundhedsplejerske', mother: 'Moren selv', staff: 'Medarbejder' },
  translationStatus: { machine: 'Maskinoversat / ikke gennemset', reviewed: 'Gennemset af en oversætter' },
}

const english = (label: unknown, name: string): string => (typeof label === 'string' ? label : toWords(name))

function withOptions(field: Field & { name: string; options: Option[] }): Option[] {
  const danish = optionLabels[field.name] ?? {}
  return field.options.map((o) => {
    const { value, label } = typeof o === 'string' ? { value: o, label: undefined } : o
    if (label && typeof label === 'object') return o
    const da = danish[value]
    return da ? { value, label: both(da, english(label, value)) } : o
  })
}

function labelled(field: Field): Field {
  const out = { ...field } as Field & Record<string, unknown>
  if ('name' in field && field.type !== 'ui' && (out.label === undefined || typeof out.label === 'string')) {
    const da = fieldLabels[field.name]
    if (da) out.label = both(da, english(out.label, field.name))
  }
  if ('options' in field && 'name' in field) out.options = withOptions(field as Field & { name: string; options: Option[] })
  if (field.type === 'array') out.labels = 'name' in field && rowLabels[field.name] ? rowLabels[field.name] : itemLabels
  if ('fields' in field) out.fields = field.fields.map(labelled)
  if (field.type === 'tabs') out.tabs = field.tabs.map((t) => ({ ...t, fields: t.fields.map(labelled) }))
  return out as Field
}

/** The collection with its Danish names: its own, its navigation group's, its fields' and their choices'. */
export function inBothLanguages(collection: CollectionConfig): CollectionConfig {
  const group = collection.admin?.group
  return {
    ...collection,
    labels: collectionLabels[collection.slug] ?? collection.labels,
    admin: { ...collection.admin, ...(typeof group === 'string' && groupLabels[group] ? { group: groupLabels[group] } : {}) },
    fields: collection.fields.map(labelled),
  }
}

/** The name staff read for a field at a dotted path ("venue.directions", "steps"), in their language. */
export function fieldLabelAt(fields: readonly Field[], path: string, lang: AdminLanguage): string {
  let level = fields
  let label = path
  for (const name of path.split('.').filter((s) => !/^\d+$/.test(s))) {
    const field = dataFields(level).find((f) => f.name === name)
    if (!field) return path
    const own = 'label' in field ? field.label : undefined
    label = own && typeof own === 'object' && lang in own ? String((own as Bilingual)[lang]) : typeof own === 'string' ? own : toWords(name)
    level = 'fields' in field ? field.fields : []
  }
  return label
}
