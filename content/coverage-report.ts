/**
 * Translation coverage of a content set: per locale and collection, how many text fields are
 * missing, machine (unreviewed), translated (reviewed) or outdated. The admin dashboard and
 * `npm run translations:report` both show this.
 */
import { getLocale, targetLocaleCodes, type LocaleCode } from '../locales/registry.ts'
import { contentKinds, type ContentKind, type ContentSet } from './collections.ts'
import { coverage, emptyCoverage, translationStates, type Coverage, type Provenance } from './translations.ts'

export interface LocaleCoverage {
  locale: LocaleCode
  byCollection: Record<ContentKind, Coverage>
  total: Coverage
  /** Share of fields translated and current (machine or translated), 0..1. */
  current: number
  /** The registry's commitment for this locale, if any. */
  required?: number
  belowRequired: boolean
}

const sum = (a: Coverage, b: Coverage): Coverage => Object.fromEntries(translationStates.map((s) => [s, a[s] + b[s]])) as Coverage

export function coverageReport(set: Pick<ContentSet, ContentKind>, locales: readonly LocaleCode[] = targetLocaleCodes): LocaleCoverage[] {
  return locales.map((locale) => {
    const byCollection = Object.fromEntries(contentKinds.map((kind) => [kind, coverage(set[kind] as unknown as Array<Record<string, unknown> & Provenance>, locale)])) as Record<ContentKind, Coverage>
    const total = Object.values(byCollection).reduce(sum, emptyCoverage())
    const all = translationStates.reduce((n, s) => n + total[s], 0)
    const current = all === 0 ? 1 : (total.machine + total.translated) / all
    const required = getLocale(locale).required
    return { locale, byCollection, total, current, ...(required !== undefined ? { required } : {}), belowRequired: required !== undefined && current < required }
  })
}

/** The report as a plain-text table: one line per locale, then the committed locales by collection. */
export function coverageTable(report: LocaleCoverage[]): string {
  const pct = (n: number) => `${(n * 100).toFixed(0)}%`.padStart(5)
  const head = `${'locale'.padEnd(8)}${translationStates.map((s) => s.padStart(11)).join('')}${'current'.padStart(9)}  required`
  const rows = report.map(
    (r) =>
      `${r.locale.padEnd(8)}${translationStates.map((s) => String(r.total[s]).padStart(11)).join('')}${pct(r.current).padStart(9)}  ${
        r.required === undefined ? '' : `${pct(r.required)}${r.belowRequired ? '  BELOW' : ''}`
      }`,
  )
  const detail = report
    .filter((r) => r.required !== undefined)
    .flatMap((r) => ['', `${r.locale} by collection`, ...contentKinds.map((k) => `  ${k.padEnd(16)}${translationStates.map((s) => String(r.byCollection[k][s]).padStart(11)).join('')}`)])
  return [head, ...rows, ...detail].join('\n')
}
