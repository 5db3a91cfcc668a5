/**
 * The kinds of change editors make, applied to a copy of the project (content/, and the site's
 * UI strings and layouts): for the equivalence test of incremental builds. Each keeps the content
 * valid, as the CMS would (a deleted activity is also taken out of the guides that link to it).
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse, stringify } from 'yaml'
import { activityThemes } from '../../content/schema/vocabulary.ts'

export type Random = () => number

/** A small seeded generator (mulberry32): the same seed, the same series of changes. */
export function seeded(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Doc = Record<string, unknown>

export interface Project {
  /** The copied project root (site/, locales/, content/ …). */
  root: string
  rand: Random
  /** A counter for new names and texts. */
  n: number
}

const contentDir = (p: Project) => path.join(p.root, 'content')
const file = (p: Project, kind: string, slug: string) => path.join(contentDir(p), kind, `${slug}.yaml`)
const slugs = (p: Project, kind: string) =>
  readdirSync(path.join(contentDir(p), kind))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5))
    .sort()
const pick = <T>(p: Project, list: readonly T[]): T => list[Math.floor(p.rand() * list.length)]!
const read = (p: Project, kind: string, slug: string) => parse(readFileSync(file(p, kind, slug), 'utf8')) as Doc
const write = (p: Project, kind: string, slug: string, doc: Doc) => writeFileSync(file(p, kind, slug), stringify(doc, { lineWidth: 0 }))
const edit = (p: Project, kind: string, slug: string, change: (doc: Doc) => void) => {
  const doc = read(p, kind, slug)
  change(doc)
  write(p, kind, slug, doc)
}
const localized = (doc: Doc, field: string) => doc[field] as Record<string, string>

/** Removes one language from every localized value of a document (and its provenance). */
function withoutLanguage(value: unknown, lang: string): void {
  if (Array.isArray(value)) for (const v of value) withoutLanguage(v, lang)
  else if (value && typeof value === 'object') {
    const o = value as Doc
    if ('da' in o || lang in o) delete o[lang]
    for (const v of Object.values(o)) withoutLanguage(v, lang)
  }
}

/** Every guide that links to an activity, its link changed (or removed). */
function relinkGuides(p: Project, from: string, to: string | null) {
  for (const g of slugs(p, 'guides'))
    edit(p, 'guides', g, (doc) => {
      const related = (doc.relatedActivities as string[] | undefined) ?? []
      if (related.includes(from)) doc.relatedActivities = related.flatMap((s) => (s === from ? (to ? [to] : []) : [s]))
    })
}

export const changeKinds: Record<string, (p: Project) => string> = {
  'create an activity': (p) => {
    const from = pick(p, slugs(p, 'activities'))
    const slug = `ny-aktivitet-${++p.n}`
    const doc = read(p, 'activities', from)
    doc.slug = slug
    localized(doc, 'title').da = `Ny aktivitet ${p.n}`
    write(p, 'activities', slug, doc)
    return `${slug} (from ${from})`
  },
  'rename an activity': (p) => {
    const from = pick(p, slugs(p, 'activities'))
    const to = `${from}-${++p.n}`
    edit(p, 'activities', from, (doc) => (doc.slug = to))
    renameSync(file(p, 'activities', from), file(p, 'activities', to))
    relinkGuides(p, from, to)
    return `${from} → ${to}`
  },
  'delete an activity': (p) => {
    const slug = pick(p, slugs(p, 'activities'))
    rmSync(file(p, 'activities', slug))
    relinkGuides(p, slug, null)
    return slug
  },
  'translate an activity': (p) => {
    const slug = pick(p, slugs(p, 'activities'))
    edit(p, 'activities', slug, (doc) => {
      localized(doc, 'title').so = `Hawlgal ${++p.n}`
      localized(doc, 'summary').en = `A new English summary, number ${p.n}.`
      // A demonstration translation, marked as such.
      doc.translationStatus = { ...(doc.translationStatus as Doc | undefined), so: 'machine' }
    })
    return slug
  },
  'unpublish one language of an activity': (p) => {
    const slug = pick(p, slugs(p, 'activities'))
    edit(p, 'activities', slug, (doc) => withoutLanguage(doc, 'ar'))
    return `${slug} (ar)`
  },
  'change a facet value': (p) => {
    const slug = pick(p, slugs(p, 'activities'))
    edit(p, 'activities', slug, (doc) => (doc.themes = [pick(p, activityThemes)]))
    return slug
  },
  'change a duration': (p) => {
    const slug = pick(p, slugs(p, 'activities'))
    edit(p, 'activities', slug, (doc) => (doc.durationMinutes = 5 + Math.floor(p.rand() * 200)))
    return slug
  },
  'change a subtitle': (p) => {
    const slug = pick(p, slugs(p, 'films'))
    edit(p, 'films', slug, (doc) => {
      const subs = doc.subtitles as Record<string, string>
      subs.da = subs.da!.replace('Velkommen!', `Velkommen igen (${++p.n})!`)
    })
    return slug
  },
  'change a schedule': (p) => {
    const slug = pick(p, slugs(p, 'municipalities'))
    edit(p, 'municipalities', slug, (doc) => {
      const schedule = doc.schedule as Doc
      schedule.startTime = pick(
        p,
        ['08:30', '09:30', '10:00'].filter((t) => t !== schedule.startTime),
      )
    })
    return slug
  },
  'issue a short code': (p) => {
    const codes = path.join(contentDir(p), 'shortcodes.yaml')
    const list = parse(readFileSync(codes, 'utf8')) as Doc[]
    const code = `NY${String(++p.n).padStart(3, '0')}`
    const m = read(p, 'municipalities', pick(p, slugs(p, 'municipalities')))
    list.push({ code, municipality: m.shortCode, locale: 'ti', issued: '2026-12-06' })
    writeFileSync(codes, stringify(list))
    return code
  },
  'change a municipality': (p) => {
    const slug = pick(p, slugs(p, 'municipalities'))
    edit(p, 'municipalities', slug, (doc) => (localized(doc, 'intro').da += ` Ny sætning ${++p.n}.`))
    return slug
  },
  'rename a municipality': (p) => {
    const from = pick(p, slugs(p, 'municipalities'))
    const to = `${from}-by`
    if (existsSync(file(p, 'municipalities', to))) return `${from} (already renamed)`
    edit(p, 'municipalities', from, (doc) => {
      doc.slug = to
      doc.formerSlugs = [...((doc.formerSlugs as string[] | undefined) ?? []), from]
    })
    renameSync(file(p, 'municipalities', from), file(p, 'municipalities', to))
    return `${from} → ${to}`
  },
  'change a guide': (p) => {
    const slug = pick(p, slugs(p, 'guides'))
    edit(p, 'guides', slug, (doc) => (localized(doc, 'summary').da += ` Tilføjet ${++p.n}.`))
    return slug
  },
  'relate a guide to an activity': (p) => {
    const slug = pick(p, slugs(p, 'guides'))
    const activity = pick(p, slugs(p, 'activities'))
    edit(p, 'guides', slug, (doc) => {
      const related = (doc.relatedActivities as string[] | undefined) ?? []
      if (!related.includes(activity)) doc.relatedActivities = [...related, activity]
    })
    return `${slug} → ${activity}`
  },
  "remove a guide's English": (p) => {
    const slug = pick(p, slugs(p, 'guides'))
    edit(p, 'guides', slug, (doc) => withoutLanguage(doc, 'en'))
    return slug
  },
  "change a picture's text": (p) => {
    const slug = pick(p, slugs(p, 'media'))
    edit(p, 'media', slug, (doc) => (localized(doc, 'alt').da += ` (${++p.n})`))
    return slug
  },
  'replace a picture': (p) => {
    const files = path.join(contentDir(p), 'media', 'files')
    const [a, b] = [pick(p, readdirSync(files).sort()), pick(p, readdirSync(files).sort())]
    if (a !== b) copyFileSync(path.join(files, a), path.join(files, b))
    return `${b} now holds ${a}`
  },
  'change a programme': (p) => {
    const slug = pick(p, slugs(p, 'programmes'))
    edit(p, 'programmes', slug, (doc) => (localized(doc, 'name').da += ` ${++p.n}`))
    return slug
  },
  'change the leaflet': (p) => {
    const slug = pick(p, slugs(p, 'leaflets'))
    edit(p, 'leaflets', slug, (doc) => (localized(doc, 'headline').da += ` ${++p.n}`))
    return slug
  },
  'change a film': (p) => {
    const slug = pick(p, slugs(p, 'films'))
    edit(p, 'films', slug, (doc) => (localized(doc, 'description').da += ` ${++p.n}`))
    return slug
  },
  'change a UI string': (p) => {
    const lang = pick(p, ['da', 'ar', 'ti'])
    const strings = path.join(p.root, 'locales', lang, 'common.json')
    const json = JSON.parse(readFileSync(strings, 'utf8')) as Record<string, unknown>
    json.tagline = `${String(json.tagline)} ${++p.n}`
    writeFileSync(strings, `${JSON.stringify(json, null, 2)}\n`)
    return `${lang} tagline`
  },
  'change a layout': (p) => {
    const layout = path.join(p.root, 'site', 'layouts', 'Base.astro')
    writeFileSync(layout, readFileSync(layout, 'utf8').replace('</body>', `<!-- ${++p.n} --></body>`))
    return 'Base.astro'
  },
}
