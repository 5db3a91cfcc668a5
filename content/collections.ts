/**
 * Which folder of content/ holds which kind of document, and in which order they load (a document
 * may only refer to kinds loaded before it, except guides → activities, which are resolved after).
 */
import type { z } from 'zod'
import {
  activitySchema,
  filmSchema,
  guideSchema,
  leafletSchema,
  mediaSchema,
  municipalitySchema,
  programmeSchema,
  type Activity,
  type Film,
  type Guide,
  type IssuedCode,
  type Leaflet,
  type Media,
  type Municipality,
  type Programme,
} from './schema/index.ts'

export interface ContentSet {
  /** The registry of printed short codes (content/shortcodes.yaml); kept in git, not in the CMS. */
  codes: IssuedCode[]
  media: Media[]
  programmes: Programme[]
  municipalities: Municipality[]
  activities: Activity[]
  guides: Guide[]
  films: Film[]
  leaflets: Leaflet[]
}

export type ContentKind = Exclude<keyof ContentSet, 'codes'>

/** Folder name = Payload collection slug = ContentSet key. Order: dependencies first. */
export const contentKinds = ['media', 'programmes', 'municipalities', 'activities', 'guides', 'films', 'leaflets'] as const satisfies readonly ContentKind[]

export const schemas: { [K in ContentKind]: z.ZodType<ContentSet[K][number]> } = {
  media: mediaSchema,
  programmes: programmeSchema,
  municipalities: municipalitySchema,
  activities: activitySchema,
  guides: guideSchema,
  films: filmSchema,
  leaflets: leafletSchema,
}

/** References between documents, by slug: kind → field → target kind. */
export const references: { [K in ContentKind]?: Record<string, ContentKind> } = {
  municipalities: { programme: 'programmes' },
  activities: { images: 'media' },
  guides: { relatedActivities: 'activities' },
  films: { poster: 'media' },
  leaflets: { municipality: 'municipalities', film: 'films' },
}

export const emptyContentSet = (): ContentSet => ({
  codes: [],
  media: [],
  programmes: [],
  municipalities: [],
  activities: [],
  guides: [],
  films: [],
  leaflets: [],
})
