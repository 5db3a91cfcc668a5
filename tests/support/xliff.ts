/**
 * What a translation agency's tool does to our XLIFF files, for tests: reads the file with the
 * XLIFF library, changes targets unit by unit, writes it back.
 */
import { js2xliff, xliff2js, type XliffGroup, type XliffUnit } from 'xliff'

export interface SeenUnit {
  id: string
  source: string
  target?: string
  notes: string[]
}

/** Every unit of a file, in order. */
export async function unitsOf(xml: string): Promise<SeenUnit[]> {
  const js = await xliff2js(xml)
  const out: SeenUnit[] = []
  const walk = (entries: Record<string, XliffUnit | XliffGroup>) => {
    for (const [id, e] of Object.entries(entries)) {
      if ('groupUnits' in e) walk(e.groupUnits)
      else
        out.push({ id, source: String(e.source ?? ''), ...(e.target !== undefined ? { target: String(e.target) } : {}), notes: e.note === undefined ? [] : Array.isArray(e.note) ? e.note : [e.note] })
    }
  }
  for (const file of Object.values(js.resources)) walk(file)
  return out
}

/**
 * The file with each unit's target replaced by `edit(unit)`: a string sets it, null removes it,
 * undefined leaves the unit as it was.
 */
export async function editTargets(xml: string, edit: (u: SeenUnit) => string | null | undefined): Promise<string> {
  const js = await xliff2js(xml)
  const walk = (entries: Record<string, XliffUnit | XliffGroup>) => {
    for (const [id, e] of Object.entries(entries)) {
      if ('groupUnits' in e) {
        walk(e.groupUnits)
        continue
      }
      const notes = e.note === undefined ? [] : Array.isArray(e.note) ? e.note : [e.note]
      const next = edit({ id, source: String(e.source ?? ''), ...(e.target !== undefined ? { target: String(e.target) } : {}), notes })
      if (next === null) delete e.target
      else if (next !== undefined) e.target = next
    }
  }
  for (const file of Object.values(js.resources)) walk(file)
  return js2xliff(js, { indent: '  ' })
}
