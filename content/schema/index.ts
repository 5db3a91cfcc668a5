/**
 * The content schema: the one definition of what a file in content/ may hold. The seed, the export
 * and the site loader all validate through this module.
 */
import { z } from 'zod'
import { localeCodes, type LocaleCode } from '../../locales/registry.ts'
import { activityThemes, chapterLabels, groupPhases, guestKinds, guideTopics, localOfferKinds, materialsLevels, reviewerRoles, seasons, venueTypes, weekdays } from './vocabulary.ts'

export * from './vocabulary.ts'
import { chapterProblems } from './chapters.ts'
import { whatsappProblem } from './links.ts'
import { isoDate, localized, localizedList, localizedText, markdown, nonEmpty, range, reviewBothMessage, shortCode, slug, time, url } from './fields.ts'
import { sourceHashes, sourceUpdated, translationStatus, withTranslationStatus } from './provenance.ts'

export { isLocalizedSchema, reviewBothMessage, shortCode, slug, type Localized } from './fields.ts'
export { localesIn } from './provenance.ts'

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
