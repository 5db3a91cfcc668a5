/** Where every issued short code leads, and the old URLs of renamed municipalities. */
import type { ContentSet } from '../../content/collections.ts'
import type { IssuedCode } from '../../content/schema/index.ts'
import { urls } from '../../content/urls.ts'

export interface CodeTarget {
  code: IssuedCode
  /** The page it leads to. */
  path: string
}

export function codeTargets(set: ContentSet): CodeTarget[] {
  const bySlugCode = new Map(set.municipalities.map((m) => [m.shortCode, m]))
  return set.codes.map((code) => {
    const m = bySlugCode.get(code.municipality)
    // A retired code leads to the nearest living page: its language's home.
    const path = m && !code.retired ? urls.municipality(code.locale, m.slug) : urls.home(code.locale)
    return { code, path }
  })
}

/** The living code for a municipality in a language, for its QR code. */
export function codeFor(set: ContentSet, municipalityCode: string, lang: string): IssuedCode | undefined {
  return set.codes.find((c) => c.municipality === municipalityCode && c.locale === lang && !c.retired)
}
