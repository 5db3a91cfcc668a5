/**
 * Closed vocabularies of the content model. Values are locale-independent keys (their labels live
 * in `locales/<code>/`), so filters and URLs work the same in every language. The CMS select
 * fields, the content schema and the site all import these lists.
 */

export const activityThemes = ['health', 'body', 'motor-skills', 'attachment', 'community', 'culture-traditions', 'danish-language', 'guest-talk', 'outing', 'bridge-building', 'creative'] as const
export type ActivityTheme = (typeof activityThemes)[number]

export const groupPhases = ['new-group', 'settled-group', 'any'] as const
export type GroupPhase = (typeof groupPhases)[number]

export const guestKinds = ['none', 'health-visitor', 'midwife', 'dentist', 'job-consultant', 'other'] as const
export type GuestKind = (typeof guestKinds)[number]

export const seasons = ['all-year', 'spring', 'summer', 'autumn', 'winter'] as const
export type Season = (typeof seasons)[number]

export const materialsLevels = ['none', 'simple', 'special'] as const
export type MaterialsLevel = (typeof materialsLevels)[number]

export const venueTypes = ['familiehus', 'sundhedshus', 'boligsocial-helhedsplan', 'other'] as const
export type VenueType = (typeof venueTypes)[number]

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
export type Weekday = (typeof weekdays)[number]

export const localOfferKinds = ['familiehus', 'club', 'health', 'counselling', 'legal-advice', 'language', 'job', 'library', 'other'] as const
export type LocalOfferKind = (typeof localOfferKinds)[number]

/** The topics mothers ask about (the brief), plus the extra ones. */
export const guideTopics = [
  'food-and-sleep',
  'body-after-birth',
  'breastfeeding',
  'relationships-and-contraception',
  'stimulating-the-baby',
  'sibling-conflicts',
  'setting-limits',
  'screen-time',
  'daycare-enrolment',
  'residence-permits',
  'borgerservice',
  'legal-matters',
  'brushing-baby-teeth',
  'daycare-and-school-system',
  'danish-traditions',
] as const
export type GuideTopic = (typeof guideTopics)[number]

export const reviewerRoles = ['health-visitor', 'midwife', 'dentist', 'legal-adviser', 'project-consultant', 'editor'] as const
export type ReviewerRole = (typeof reviewerRoles)[number]

/**
 * How far a translation can be trusted. `machine` covers every unreviewed translation, including
 * the demonstration texts we write ourselves; only a professional review makes it `reviewed`.
 */
export const translationStatuses = ['machine', 'reviewed'] as const
export type TranslationStatus = (typeof translationStatuses)[number]

/** A film chapter's name: keys of the films namespace's `chapter` labels, so every language has them. */
export const chapterLabels = ['chapter.intro', 'chapter.forWhom', 'chapter.where', 'chapter.what', 'chapter.join'] as const
export type ChapterLabel = (typeof chapterLabels)[number]

/** The video formats a film's original may have (checked by content on upload). */
export const videoMimeTypes = ['video/mp4', 'video/webm'] as const
