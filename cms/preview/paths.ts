/**
 * The draft preview's addresses, shared by the admin (its Preview button, its change pings) and
 * the preview server. Page paths come from the site's URL scheme.
 */
import { isLocaleCode, sourceLocale } from '../../locales/registry.ts'
import { urls } from '../../content/urls.ts'

/**
 * Where the admin says "something changed"; the preview then rebuilds on the next look. The path
 * ends in a secret the previewer makes at start and hands to the admin (MODERSMAL_PREVIEW_PING):
 * a page on another port of the host must not set the preview rebuilding at will.
 */
export const changedPath = (token: string) => `/__preview/changed/${token}`

/** The collections with a page of their own, and that page. */
const pageOf: Record<string, (lang: Parameters<typeof urls.home>[0], slug: string) => string> = {
  activities: urls.activity,
  guides: urls.guide,
  films: urls.film,
  municipalities: urls.municipality,
}

export const hasOwnPage = (collection: string): boolean => collection in pageOf

/**
 * The preview address of a document in a locale, for the admin's Preview button; null where the
 * preview does not run (MODERSMAL_PREVIEW_URL unset) or the document has no page of its own.
 */
export function previewUrl(collection: string, doc: { slug?: unknown }, locale: string | undefined): string | null {
  const base = process.env.MODERSMAL_PREVIEW_URL
  const page = pageOf[collection]
  if (!base || !page || typeof doc.slug !== 'string' || !doc.slug) return null
  return `${base}${page(locale && isLocaleCode(locale) ? locale : sourceLocale, doc.slug)}`
}
