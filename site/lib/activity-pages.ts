/**
 * Which activity pages exist. An activity has a page in each language it has its own text in
 * (its title; Danish always), not in all 21: at 5,000 activities the copies holding nothing but
 * Danish or English text were about 90,000 pages. A reader of another language is sent to the page
 * in her language's fallback (the chain `pick` uses): the catalogue and the guides link there,
 * marked with that language's name, and an address of a page that does not exist (shared or
 * printed before, or typed) redirects there (site/server/static-files.ts, and `_redirects` for
 * other hosts). The mother's path (landing pages, leaflets, films, guides) and the catalogue with
 * its filters stay in every language.
 *
 * The catalogue's search index holds exactly these pages, each in its own language.
 */
import type { Activity } from '../../content/schema/index.ts'
import { fallbackChain, type LocaleCode } from '../../locales/registry.ts'

export const hasPageIn = (a: Pick<Activity, 'title'>, lang: LocaleCode): boolean => a.title[lang] !== undefined

/** The language of the page that a reader of `lang` gets for this activity. */
export const pageLanguageFor = (a: Pick<Activity, 'title'>, lang: LocaleCode): LocaleCode => fallbackChain(lang).find((l) => hasPageIn(a, l)) ?? lang
