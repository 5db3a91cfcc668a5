/**
 * Which leaflet a municipality prints, and whether a language may have one: the single rule that
 * decides both `npm run leaflets` and whether the web leaflet page offers printing and is linked.
 * Plain TypeScript (no Vite imports), so the print command can use it outside Astro.
 */
import type { ContentSet } from '../../content/collections.ts'
import type { Leaflet, Municipality } from '../../content/schema/index.ts'
import { sourceLocale, type LocaleCode } from '../../locales/registry.ts'

/** The leaflet's text blocks, in print order. */
export const leafletTextFields = ['headline', 'forWhom', 'whatHappens', 'practical', 'howToJoin', 'filmCall'] as const
export type LeafletTextField = (typeof leafletTextFields)[number]

/** The municipality's own leaflet, else the national one (no `municipality`). */
export function leafletFor(set: Pick<ContentSet, 'leaflets'>, municipality: Pick<Municipality, 'slug'>): Leaflet | undefined {
  return set.leaflets.find((l) => l.municipality === municipality.slug) ?? set.leaflets.find((l) => !l.municipality)
}

/**
 * The text fields that have Danish source text but none in `lang`. Empty: the leaflet may be
 * printed in that language. A leaflet is never printed with Danish text in another language's
 * clothes.
 */
export function missingLeafletFields(leaflet: Leaflet, lang: LocaleCode): LeafletTextField[] {
  return leafletTextFields.filter((field) => {
    const text = leaflet[field]
    return text?.[sourceLocale] !== undefined && text[lang] === undefined
  })
}

export const isLeafletTranslated = (leaflet: Leaflet, lang: LocaleCode): boolean => missingLeafletFields(leaflet, lang).length === 0

/** A bilingual sheet puts the mother's language beside Danish: not for Danish itself. */
export const hasBilingualLeaflet = (leaflet: Leaflet, lang: LocaleCode): boolean => lang !== sourceLocale && isLeafletTranslated(leaflet, lang)
