/**
 * A translator's queue holds exactly what the coverage report counts as missing or outdated in her
 * languages, document by document, and puts what a mother reads first at the top.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { ContentSet } from '../../content/collections.ts'
import { coverageReport } from '../../content/coverage-report.ts'
import { loadContent } from '../../content/load.ts'
import { queueOrder, translationQueue } from '../../content/translation-queue.ts'
import { targetLocaleCodes } from '../../locales/registry.ts'
import { repoContent } from '../support/content.ts'

describe("a translator's queue", () => {
  let set: ContentSet
  beforeAll(async () => {
    set = await loadContent(repoContent)
  })

  it.each(targetLocaleCodes)('agrees with the coverage report field for field in %s', (locale) => {
    const queue = translationQueue(set, [locale])
    const [report] = coverageReport(set, [locale])
    for (const kind of queueOrder) {
      const items = queue.filter((i) => i.kind === kind)
      expect(items.flatMap((i) => i.missing).length, kind).toBe(report!.byCollection[kind].missing)
      expect(items.flatMap((i) => i.outdated).length, kind).toBe(report!.byCollection[kind].outdated)
      // A document is listed once per language, and only with something to do.
      expect(new Set(items.map((i) => i.key)).size).toBe(items.length)
      expect(items.every((i) => i.missing.length + i.outdated.length > 0)).toBe(true)
    }
  })

  it("puts the mother's path first: her municipality's page, the leaflet, the film, the guides, then the catalogue", () => {
    expect(queueOrder.slice(0, 4)).toEqual(['municipalities', 'leaflets', 'films', 'guides'])
    expect(queueOrder.at(-1)).toBe('activities')
    const ranks = translationQueue(set, ['so', 'ti']).map((i) => queueOrder.indexOf(i.kind as (typeof queueOrder)[number]))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    expect(ranks[0]).toBe(0)
  })

  it('names each document by its Danish title', () => {
    const baby = translationQueue(set, ['so']).find((i) => i.kind === 'activities' && i.key === 'babymassage')
    expect(baby?.title).toBe(set.activities.find((a) => a.slug === 'babymassage')!.title.da)
  })
})
