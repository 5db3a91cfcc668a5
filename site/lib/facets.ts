/**
 * The catalogue's filters, in one place: which values an activity has for each facet. The same
 * locale-independent values are Pagefind filters on the activity pages, no-JavaScript browse pages
 * (`/<lang>/activities/<facet>/<value>/`) and the search form's checkboxes, so a filter means the
 * same thing in every language and in every part of the site.
 */
import type { ParseKeys } from 'i18next'
import type { Activity } from '../../content/schema/index.ts'
import type { LocaleCode } from '../../locales/registry.ts'
import { activityThemes, groupPhases, guestKinds, materialsLevels, seasons } from '../../content/schema/vocabulary.ts'
import { pick } from './localized.ts'

/** Baby age bands in months, [min, max] inclusive: an activity belongs to every band it overlaps. */
export const ageBands = { '0-3': [0, 3], '4-6': [4, 6], '7-12': [7, 12], '13-24': [13, 24] } as const satisfies Record<string, readonly [number, number]>
/** Duration bands in minutes, [min, max] inclusive. */
export const durationBands = { short: [0, 30], medium: [31, 60], long: [61, 480] } as const satisfies Record<string, readonly [number, number]>

const keys = <T extends object>(o: T) => Object.keys(o) as Array<Extract<keyof T, string>>
const overlaps = ([min, max]: readonly [number, number], r: { min: number; max: number }) => r.min <= max && r.max >= min

export interface Facet {
  /** The URL segment and the Pagefind filter name. */
  name: string
  /** Every value, in display order. */
  values: readonly string[]
  /** The values one activity has. */
  of: (a: Activity) => readonly string[]
}

export const facets = [
  { name: 'theme', values: activityThemes, of: (a) => a.themes },
  { name: 'age', values: keys(ageBands), of: (a) => keys(ageBands).filter((b) => overlaps(ageBands[b], a.babyAgeMonths)) },
  {
    name: 'duration',
    values: keys(durationBands),
    of: (a) => keys(durationBands).filter((b) => overlaps(durationBands[b], { min: a.durationMinutes, max: a.durationMinutes })),
  },
  { name: 'phase', values: groupPhases, of: (a) => [a.groupPhase] },
  { name: 'guest', values: guestKinds, of: (a) => [a.guest] },
  // One value only: "works without a shared language" is the filter; its absence is not one.
  { name: 'language', values: ['not-needed'], of: (a) => (a.worksWithoutSharedLanguage ? ['not-needed'] : []) },
  { name: 'season', values: seasons, of: (a) => a.seasons },
  { name: 'materials', values: materialsLevels, of: (a) => [a.materialsLevel] },
] as const satisfies readonly Facet[]

/** Activities per no-JavaScript browse page. */
export const browsePageSize = 50

export type FacetName = (typeof facets)[number]['name']

/** The activities matching every selected value of every facet (values of one facet are OR-ed). */
export function matching(activities: readonly Activity[], selected: Partial<Record<FacetName, readonly string[]>>): Activity[] {
  return activities.filter((a) =>
    facets.every((f) => {
      const wanted = selected[f.name]
      return !wanted?.length || f.of(a).some((v) => wanted.includes(v))
    }),
  )
}

/** Labels whose strings the common namespace already has (they also label the activity facts). */
const commonLabels: Partial<Record<FacetName, string>> = { theme: 'themes', phase: 'phases', guest: 'guests', season: 'seasons' }

/** i18next keys (for `useTranslations(lang, 'catalogue')`) of a facet's name and a value's label. */
export const facetNameKey = (facet: FacetName) => `facets.${facet}` as const
/**
 * Typed as a key of the catalogue's strings; that each value has its Danish label is checked by
 * tests/site/ui-keys.test.ts (the values come from the vocabularies, not from this file).
 */
export const facetValueKey = (facet: FacetName, value: string) => (commonLabels[facet] ? `common:${commonLabels[facet]}.${value}` : `facetValues.${facet}.${value}`) as ParseKeys<'catalogue'>

/** What a list of activities shows of each (components/ActivityList.astro). */
export type ListedActivity = Pick<Activity, 'slug' | 'title' | 'durationMinutes' | 'worksWithoutSharedLanguage'>

/**
 * Only what a list in `lang` shows: the title as its reader sees it (her language's, or the one
 * of the fallback it comes from, which is also where its page is). A browse page given these as
 * props changes only when they do: an Arabic title edit re-renders the Arabic lists, not all 21.
 */
export function listed({ slug, title, durationMinutes, worksWithoutSharedLanguage }: ListedActivity, lang: LocaleCode): ListedActivity {
  const shown = pick(title, lang)
  return { slug, title: { [shown.lang]: shown.value }, durationMinutes, worksWithoutSharedLanguage }
}

/** Activities in the alphabetical order of their titles as a reader of `lang` sees them. */
export function inTitleOrder<A extends Pick<Activity, 'title'>>(activities: readonly A[], lang: LocaleCode): A[] {
  const collator = new Intl.Collator(lang)
  // Each title picked once, not twice per comparison.
  return activities
    .map((a) => [pick(a.title, lang).value, a] as const)
    .sort(([x], [y]) => collator.compare(x, y))
    .map(([, a]) => a)
}
