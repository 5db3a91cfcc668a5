/**
 * Reads content/ (or any folder in its format), validates every file through the schema and every
 * reference between documents, and returns the whole set, or throws one error listing every
 * problem by file and field. Nothing is returned half-loaded.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { parseDocument } from 'yaml'
import { codeRegistrySchema } from './schema/index.ts'
import { contentKinds, emptyContentSet, references, schemas, type ContentKind, type ContentSet } from './collections.ts'
import { reservedSlugs } from './urls.ts'

export class ContentError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Content is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`)
    this.name = 'ContentError'
  }
}

export const contentExtension = '.yaml'

/**
 * Validated documents by their file's text. A publish loads the same files twice (the export's
 * check, then the build) and again at the next publish; parsing YAML was most of it (about 1 s at
 * 1,200 activities). Only the last load's entries are kept; callers get their own copy.
 */
let validated = new Map<string, unknown>()

export async function loadContent(root: string): Promise<ContentSet> {
  const set = emptyContentSet()
  const used = new Map<string, unknown>()
  const problems: string[] = []
  const origin = new Map<string, string>() // "kind/slug" → file, for reference errors

  for (const kind of contentKinds) {
    const dir = path.join(root, kind)
    const files = await listYaml(dir)
    for (const file of files) {
      const rel = path.relative(root, path.join(dir, file))
      const text = await readFile(path.join(dir, file), 'utf8')
      const key = `${kind}\0${text}`
      let data = validated.get(key)
      if (data === undefined) {
        const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
        if (doc.errors.length > 0) {
          for (const e of doc.errors) problems.push(`${rel}: YAML syntax: ${e.message.split('\n')[0]}`)
          continue
        }
        const parsed = schemas[kind].safeParse(doc.toJS())
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const field = issue.path.length ? issue.path.join('.') : '(document)'
            problems.push(`${rel}: ${field}: ${issue.message}`)
          }
          continue
        }
        data = parsed.data
      }
      used.set(key, data)
      const value = structuredClone(data) as { slug: string }
      if (`${value.slug}${contentExtension}` !== file) {
        problems.push(`${rel}: slug: "${value.slug}" does not match the file name (expected ${value.slug}${contentExtension})`)
        continue
      }
      ;(set[kind] as unknown[]).push(value)
      origin.set(`${kind}/${value.slug}`, rel)
    }
    if (kind === 'media') problems.push(...(await checkFiles(root, 'media', set.media, mediaFilesDir(root))))
    if (kind === 'films') problems.push(...(await checkFiles(root, 'films', set.films, filmFilesDir(root), 'video')))
  }

  problems.push(...(await loadCodes(root, set)))
  problems.push(...checkReferences(set, origin))
  problems.push(...checkUnique(set, origin))
  problems.push(...checkCodes(set))
  validated = used
  if (problems.length > 0) throw new ContentError(problems)
  return set
}

export const codeRegistryFile = 'shortcodes.yaml'

async function loadCodes(root: string, set: ContentSet): Promise<string[]> {
  let text: string
  try {
    text = await readFile(path.join(root, codeRegistryFile), 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
  if (doc.errors.length > 0) return doc.errors.map((e) => `${codeRegistryFile}: YAML syntax: ${e.message.split('\n')[0]}`)
  const parsed = codeRegistrySchema.safeParse(doc.toJS() ?? [])
  if (!parsed.success) return parsed.error.issues.map((i) => `${codeRegistryFile}: ${i.path.join('.') || '(document)'}: ${i.message}`)
  set.codes = parsed.data
  return []
}

/**
 * Every issued code must lead somewhere: to a living municipality, or, once retired, to the
 * language's home. A code is issued once: a duplicate would send old leaflets to a new place.
 */
function checkCodes(set: ContentSet): string[] {
  const problems: string[] = []
  const municipalities = new Set(set.municipalities.map((m) => m.shortCode))
  const leaflets = new Set(set.leaflets.map((l) => l.slug))
  const seen = new Set<string>()
  for (const entry of set.codes) {
    const where = `${codeRegistryFile}: code ${entry.code}`
    if (seen.has(entry.code)) problems.push(`${where}: is issued twice; a code is never reused`)
    if (municipalities.has(entry.code)) problems.push(`${where}: is already a municipality's own short code`)
    seen.add(entry.code)
    if (!entry.retired && !municipalities.has(entry.municipality))
      problems.push(`${where}: municipality ${entry.municipality} does not exist; restore it, or mark the code retired (it will lead to the ${entry.locale} home page)`)
    if (entry.leaflet && !leaflets.has(entry.leaflet)) problems.push(`${where}: leaflet "${entry.leaflet}" does not exist`)
  }
  return problems
}

async function listYaml(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith(contentExtension)).sort()
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
}

export const mediaFilesDir = (root: string) => path.join(root, 'media', 'files')
/** Films' original videos (`video:`), beside the films as images are beside their metadata. */
export const filmFilesDir = (root: string) => path.join(root, 'films', 'files')

/** Every file a document names (`field`) must exist in `dir`. */
async function checkFiles(root: string, kind: ContentKind, docs: Array<{ slug: string }>, dir: string, field = 'file'): Promise<string[]> {
  const problems: string[] = []
  for (const doc of docs) {
    const name = (doc as Record<string, unknown>)[field] as string | undefined
    if (name === undefined) continue
    const file = path.join(dir, name)
    const exists = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    )
    if (!exists) problems.push(`${kind}/${doc.slug}${contentExtension}: ${field}: ${path.relative(root, file)} does not exist`)
  }
  return problems
}

function checkReferences(set: ContentSet, origin: Map<string, string>): string[] {
  const problems: string[] = []
  for (const kind of contentKinds) {
    const fields = references[kind]
    if (!fields) continue
    for (const doc of set[kind] as Array<Record<string, unknown> & { slug: string }>) {
      for (const [field, target] of Object.entries(fields)) {
        const value = doc[field]
        const slugs = Array.isArray(value) ? value : value === undefined ? [] : [value]
        for (const s of slugs as string[]) {
          if (!origin.has(`${target}/${s}`)) problems.push(`${origin.get(`${kind}/${doc.slug}`)}: ${field}: refers to ${target} "${s}", which does not exist`)
        }
      }
    }
  }
  return problems
}

function checkUnique(set: ContentSet, origin: Map<string, string>): string[] {
  const problems: string[] = []
  const codes = new Map<string, string>()
  for (const m of set.municipalities) {
    const other = codes.get(m.shortCode)
    if (other) problems.push(`${origin.get(`municipalities/${m.slug}`)}: shortCode: "${m.shortCode}" is already used by ${other}`)
    codes.set(m.shortCode, m.slug)
  }
  const slugs = new Map<string, string>()
  for (const m of set.municipalities) {
    for (const s of [m.slug, ...(m.formerSlugs ?? [])]) {
      const other = slugs.get(s)
      if (other && other !== m.slug) problems.push(`${origin.get(`municipalities/${m.slug}`)}: slug "${s}" is also used by ${other}; an old URL must lead to one place`)
      slugs.set(s, m.slug)
    }
  }
  for (const kind of ['municipalities', 'activities'] as const) {
    for (const doc of set[kind]) {
      const reserved: readonly string[] = reservedSlugs[kind]
      for (const s of [doc.slug, ...('formerSlugs' in doc ? (doc.formerSlugs ?? []) : [])])
        if (reserved.includes(s)) problems.push(`${origin.get(`${kind}/${doc.slug}`)}: slug "${s}" is taken by a page of the site (reserved: ${reserved.join(', ')})`)
    }
  }
  const topics = new Map<string, string>()
  for (const g of set.guides) {
    const other = topics.get(g.topic)
    if (other) problems.push(`${origin.get(`guides/${g.slug}`)}: topic: "${g.topic}" already has the guide ${other}`)
    topics.set(g.topic, g.slug)
  }
  return problems
}

export type { ContentKind, ContentSet }
