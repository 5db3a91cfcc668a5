/**
 * UI string keys: most are typed from the Danish source (locales/strings.ts), so a wrong key fails
 * `npm run typecheck`. The catalogue's filter labels are built from the vocabularies at run time;
 * here each one must name a Danish string.
 */
import { describe, expect, it } from 'vitest'
import { facetNameKey, facets, facetValueKey } from '../../site/lib/facets.ts'
import { useTranslations } from '../../site/lib/i18n.ts'

// i18next answers a key it cannot find with the key itself.
const t = useTranslations('da', 'catalogue')

describe("the catalogue filters' labels", () => {
  it.each(facets.map((f) => [f.name, f] as const))('%s: its name and every value have a Danish label', (_, facet) => {
    expect(t(facetNameKey(facet.name))).not.toBe(facetNameKey(facet.name))
    const unlabelled = facet.values.filter((v) => {
      const key = facetValueKey(facet.name, v)
      return t(key) === key.replace(/^common:/, '')
    })
    expect(unlabelled).toEqual([])
  })
})

describe('typed keys', () => {
  it("a key Danish does not have is a type error, not a string on a mother's screen", () => {
    const common = useTranslations('ar')
    // @ts-expect-error: no such key in locales/da/common.json (tsc fails if keys stop being typed)
    expect(common('noSuchKey')).toBe('noSuchKey')
    expect(common('activities')).not.toBe('activities')
  })
})
