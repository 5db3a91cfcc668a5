/**
 * The content schema: the one definition of what a file in content/ may hold. The seed, the export
 * and the site loader all validate through this module.
 */
import { z } from 'zod'
import { localeCodes, sourceLocale, type LocaleCode } from '../../locales/registry.ts'
import {
  activityThemes,
  chapterLabels,
  groupPhases,
  guestKinds,
  guideTopics,
  localOfferKinds,
  materialsLevels,
  reviewerRoles,
  seasons,
  translationStatuses,
  venueTypes,
  weekdays,
} from './vocabulary.ts'

export * from './vocabulary.ts'
import { chapterProblems } from './chapters.ts'
import { markdownLinkProblems, whatsappProblem } from './links.ts'
import { provenanceKeys, translatableFields } from '../translations.ts'

/** A review claim names the day and who checked: one without the other claims too much or too little. */
export const reviewBothMessage = 'a review needs both the day it was checked (lastReviewed) and who checked it (reviewerRole); leave both out while nobody has checked the text'

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens (a-z, 0-9, -)')
  .max(80)

/** Permanent short code printed in QR codes: upper-case alphanumerics keep the QR version small. */
export const shortCode = z.string().regex(/^[A-Z0-9]{2,8}$/, 'must be 2-8 upper-case letters or digits')

const nonEmpty = z.string().trim().min(1, 'must not be empty')

export type Localized<T> = Partial<Record<LocaleCode, T>>

/** Whether a schema field holds one value per locale (it carries `meta({ localized: true })`). */
export function isLocalizedSchema(schema: z.ZodType): boolean {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema
  return inner.meta()?.localized === true
}

/**
 * A value per locale. A locale without a translation is absent (never filled with fallback text).
 * Danish, the source, is required unless the whole field is optional.
 */
function localized<T extends z.ZodType>(value: T, opts: { sourceRequired?: boolean } = {}) {
  const sourceRequired = opts.sourceRequired ?? true
  return z
    .record(z.string(), value)
    .superRefine((map, ctx) => {
      for (const key of Object.keys(map)) {
        if (!(localeCodes as string[]).includes(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `unknown locale "${key}" (known: ${localeCodes.join(', ')})`,
          })
        }
      }
      if (sourceRequired && map[sourceLocale] === undefined) {
        ctx.addIssue({ code: 'custom', path: [sourceLocale], message: 'the Danish source text is required' })
      }
    })
    .meta({ localized: true }) as unknown as z.ZodType<Localized<z.output<T>>>
}

const localizedText = (opts?: { sourceRequired?: boolean }) => localized(nonEmpty, opts)

/** Markdown whose links and images pass the link rule (./links.ts). */
const markdown = nonEmpty.superRefine((text, ctx) => {
  for (const message of markdownLinkProblems(text)) ctx.addIssue({ code: 'custom', message })
})
const localizedList = (opts?: { sourceRequired?: boolean }) => localized(z.array(nonEmpty).min(1, 'must list at least one item'), opts)

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM (24-hour)')
const url = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' })

/** A map keyed by target locales: known codes, and never Danish (the source). */
function targetLocaleMap<T extends z.ZodType>(value: T) {
  return z.record(z.string(), value).superRefine((map, ctx) => {
    for (const key of Object.keys(map)) {
      if (key === sourceLocale) ctx.addIssue({ code: 'custom', path: [key], message: 'Danish is the source; it has no translation status' })
      else if (!(localeCodes as string[]).includes(key)) ctx.addIssue({ code: 'custom', path: [key], message: `unknown locale "${key}" (known: ${localeCodes.join(', ')})` })
    }
  })
}

/** Translation status per target locale; Danish is the source and carries none. */
const translationStatus = targetLocaleMap(z.enum(translationStatuses)).meta({ localized: true }) as unknown as z.ZodType<Localized<(typeof translationStatuses)[number]>>

/** Per target locale and field: the hash of the Danish text the translation was made from. */
const sourceHashes = targetLocaleMap(z.record(z.string(), z.string().regex(/^[0-9a-f]{12}$/, 'must be a 12-digit hexadecimal source hash'))).meta({ localized: true }) as unknown as z.ZodType<
  Localized<Record<string, string>>
>

/** Per field: the day its Danish text last changed. */
const sourceUpdated = z.record(z.string(), isoDate)

/**
 * Every locale that holds any translated text must say how far it can be trusted, and a status
 * may not be claimed for a locale that holds no text.
 */
function withTranslationStatus<T extends z.ZodObject>(schema: T) {
  return schema.superRefine((doc: Record<string, unknown>, ctx) => {
    const present = new Set<string>(localesIn(doc))
    const status = (doc.translationStatus ?? {}) as Record<string, unknown>
    for (const code of present) {
      if (code !== sourceLocale && !(code in status))
        ctx.addIssue({
          code: 'custom',
          path: ['translationStatus'],
          message: `locale "${code}" has text but no translation status (machine or reviewed)`,
        })
    }
    for (const code of Object.keys(status)) {
      if (!present.has(code)) ctx.addIssue({ code: 'custom', path: ['translationStatus', code], message: `locale "${code}" has a status but no text` })
    }
    const fields = new Set(translatableFields(doc))
    for (const [code, hashes] of Object.entries((doc.sourceHashes ?? {}) as Record<string, Record<string, string>>)) {
      if (!present.has(code)) ctx.addIssue({ code: 'custom', path: ['sourceHashes', code], message: `locale "${code}" has source hashes but no text` })
      for (const field of Object.keys(hashes)) if (!fields.has(field)) ctx.addIssue({ code: 'custom', path: ['sourceHashes', code, field], message: `"${field}" is not a translatable field` })
    }
    for (const field of Object.keys((doc.sourceUpdated ?? {}) as Record<string, string>))
      if (!fields.has(field)) ctx.addIssue({ code: 'custom', path: ['sourceUpdated', field], message: `"${field}" is not a translatable field` })
  })
}

/** The locales a document has any text in (keys of its localized maps), in registry order. */
export function localesIn(doc: unknown): LocaleCode[] {
  const found = new Set<string>()
  const walk = (value: unknown, top: boolean) => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, false)
      return
    }
    if (!value || typeof value !== 'object') return
    for (const [key, v] of Object.entries(value)) {
      if (top && (provenanceKeys as readonly string[]).includes(key)) continue
      if ((localeCodes as string[]).includes(key)) found.add(key)
      else walk(v, false)
    }
  }
  walk(doc, true)
  return localeCodes.filter((c) => found.has(c))
}

const range = (min: number, max: number, unit: string) =>
  z.strictObject({ min: z.int().min(min).max(max), max: z.int().min(min).max(max) }).refine((r) => r.min <= r.max, { message: `min must not exceed max (${unit})` })

// ── Collections ────────────────────────────────────────────────────────────────────────────────

export const programmeSchema = withTranslationStatus(
  z.strictObject({
    slug,
    name: localizedText(),
    organisation: nonEmpty,
    description: localizedText(),
    targetGroup: localizedText(),
    website: url.optional(),
    translationStatus: translationStatus.optional(),
    sourceHashes: sourceHashes.optional(),
    sourceUpdated: sourceUpdated.optional(),
  }),
)

export const localOfferSchema = z.strictObject({
  name: nonEmpty,
  kind: z.enum(localOfferKinds),
  url: url.optional(),
  description: localizedText(),
})

export const municipalitySchema = withTranslationStatus(
  z.strictObject({
    slug,
    /** Earlier slugs: their URLs keep working (they redirect to the current one). */
    formerSlugs: z.array(slug).optional(),
    shortCode,
    name: localizedText(),
    area: nonEmpty.optional(),
    programme: slug,
    intro: localizedText(),
    venue: z.strictObject({
      type: z.enum(venueTypes),
      name: nonEmpty,
      street: nonEmpty,
      postalCode: z.string().regex(/^\d{4}$/, 'must be a 4-digit Danish postal code'),
      city: nonEmpty,
      /** WGS84 position, for the map link. */
      geo: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
      directions: localizedText({ sourceRequired: false }).optional(),
    }),
    schedule: z
      .strictObject({
        weekday: z.enum(weekdays),
        startTime: time,
        endTime: time,
        rounds: z.array(z.strictObject({ startDate: isoDate, endDate: isoDate }).refine((r) => r.startDate <= r.endDate, 'startDate must not be after endDate')).default([]),
      })
      .refine((s) => s.startTime < s.endTime, { message: 'startTime must be before endTime' }),
    contact: z
      .strictObject({
        email: z.email('must be an e-mail address'),
        phone: z.string().regex(/^\+\d{8,15}$/, 'must be an international number such as +4512345678'),
        /** A chat with the shared number; never a group's invite link (see ./links.ts). */
        whatsappUrl: z.string().optional(),
      })
      .superRefine((c, ctx) => {
        const problem = c.whatsappUrl === undefined ? null : whatsappProblem(c.whatsappUrl, c.phone)
        if (problem) ctx.addIssue({ code: 'custom', path: ['whatsappUrl'], message: problem })
      }),
    localOffers: z.array(localOfferSchema).default([]),
    translationStatus: translationStatus.optional(),
    sourceHashes: sourceHashes.optional(),
    sourceUpdated: sourceUpdated.optional(),
  }),
)

export const activitySchema = withTranslationStatus(
  z.strictObject({
    slug,
    title: localizedText(),
    summary: localizedText(),
    purpose: localizedText(),
    steps: localizedList(),
    materials: localizedList({ sourceRequired: false }).optional(),
    materialsLevel: z.enum(materialsLevels),
    durationMinutes: z.int().min(5).max(480),
    babyAgeMonths: range(0, 24, 'months'),
    groupSize: range(1, 40, 'mothers'),
    groupPhase: z.enum(groupPhases),
    themes: z.array(z.enum(activityThemes)).min(1, 'needs at least one theme'),
    guest: z.enum(guestKinds),
    worksWithoutSharedLanguage: z.boolean(),
    seasons: z.array(z.enum(seasons)).min(1, 'needs at least one season (all-year if any)'),
    tips: localizedText({ sourceRequired: false }).optional(),
    cautions: localizedText({ sourceRequired: false }).optional(),
    /** Extra search words (synonyms, inflections) where stemming is not enough. */
    keywords: localizedList({ sourceRequired: false }).optional(),
    images: z.array(slug).default([]),
    translationStatus: translationStatus.optional(),
    sourceHashes: sourceHashes.optional(),
    sourceUpdated: sourceUpdated.optional(),
  }),
)

export const guideSchema = withTranslationStatus(
  z
    .strictObject({
      slug,
      topic: z.enum(guideTopics),
      title: localizedText(),
      summary: localizedText(),
      /** Markdown limited to what the CMS editor offers: headings, paragraphs, lists, bold, italic, links, quotes. */
      body: localized(markdown),
      relatedActivities: z.array(slug).default([]),
      relatedOfferKinds: z.array(z.enum(localOfferKinds)).default([]),
      /**
       * A review claim ("checked on … by a health visitor"): only when a person checked the text and
       * recorded it, both the day and who; demonstration text carries none.
       */
      lastReviewed: isoDate.optional(),
      reviewerRole: z.enum(reviewerRoles).optional(),
      translationStatus: translationStatus.optional(),
      sourceHashes: sourceHashes.optional(),
      sourceUpdated: sourceUpdated.optional(),
    })
    .superRefine((g, ctx) => {
      if ((g.lastReviewed === undefined) !== (g.reviewerRole === undefined))
        ctx.addIssue({ code: 'custom', path: [g.lastReviewed === undefined ? 'lastReviewed' : 'reviewerRole'], message: reviewBothMessage })
    }),
)

export const filmSchema = withTranslationStatus(
  z.strictObject({
    slug,
    title: localizedText(),
    description: localizedText(),
    durationSeconds: z.int().min(1).max(7200),
    poster: slug.optional(),
    /** The original video's file name in films/files/; without it the site needs a generated demo film of this slug. */
    video: z
      .string()
      .regex(/^[a-z0-9-]+\.(mp4|webm)$/, 'must be a lower-case file name ending in .mp4 or .webm')
      .optional(),
    /** Where a viewer can jump to: seconds from the start, named by a locale-independent label key. */
    chapters: z.array(z.strictObject({ start: z.number().min(0), label: z.enum(chapterLabels) })).optional(),
    /** WebVTT text per locale. */
    subtitles: localized(z.string().startsWith('WEBVTT', 'must be WebVTT text starting with "WEBVTT"'), { sourceRequired: false }).optional(),
    transcript: localizedText({ sourceRequired: false }).optional(),
    translationStatus: translationStatus.optional(),
    sourceHashes: sourceHashes.optional(),
    sourceUpdated: sourceUpdated.optional(),
  }),
).superRefine((film, ctx) => {
  for (const p of chapterProblems(
    (film.chapters ?? []).map((c) => c.start),
    film.durationSeconds,
  ))
    ctx.addIssue({ code: 'custom', path: ['chapters', p.index, 'start'], message: p.message })
})

export const leafletSchema = withTranslationStatus(
  z.strictObject({
    slug,
    /** A municipality's slug, or absent for the national leaflet used everywhere. */
    municipality: slug.optional(),
    film: slug.optional(),
    headline: localizedText(),
    forWhom: localizedText(),
    whatHappens: localizedText(),
    practical: localizedText(),
    howToJoin: localizedText(),
    filmCall: localizedText({ sourceRequired: false }).optional(),
    translationStatus: translationStatus.optional(),
    sourceHashes: sourceHashes.optional(),
    sourceUpdated: sourceUpdated.optional(),
  }),
)

/** Metadata of an image in content/media/; the file itself sits beside it. */
export const mediaSchema = withTranslationStatus(
  z.strictObject({
    slug,
    // PNG or JPEG only: the CMS re-encodes WebP on every upload, so it could not round-trip byte for byte.
    file: z.string().regex(/^[a-z0-9-]+\.(jpg|jpeg|png)$/, 'must be a lower-case file name ending in .jpg, .jpeg or .png'),
    alt: localizedText(),
    credit: nonEmpty.optional(),
    translationStatus: translationStatus.optional(),
    sourceHashes: sourceHashes.optional(),
    sourceUpdated: sourceUpdated.optional(),
  }),
)

/**
 * A short code printed in a QR code: `/q/<code>` leads to a municipality's page in one language.
 * Codes are issued once and live forever: never reused, never deleted. A code whose municipality
 * closed is marked `retired` and then leads to the nearest living page (the language's home).
 */
export const issuedCodeSchema = z.strictObject({
  code: shortCode,
  /** The municipality's permanent short code (not its slug, which may be renamed). */
  municipality: shortCode,
  locale: z.enum(localeCodes as [LocaleCode, ...LocaleCode[]]),
  leaflet: slug.optional(),
  issued: isoDate,
  retired: isoDate.optional(),
})
export const codeRegistrySchema = z.array(issuedCodeSchema)

export type IssuedCode = z.output<typeof issuedCodeSchema>
export type Programme = z.output<typeof programmeSchema>
export type Municipality = z.output<typeof municipalitySchema>
export type LocalOffer = z.output<typeof localOfferSchema>
export type Activity = z.output<typeof activitySchema>
export type Guide = z.output<typeof guideSchema>
export type Film = z.output<typeof filmSchema>
export type Leaflet = z.output<typeof leafletSchema>
export type Media = z.output<typeof mediaSchema>
