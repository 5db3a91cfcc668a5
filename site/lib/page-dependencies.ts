/**
 * What each page of the site read, so the next build renders only the pages whose inputs changed
 * (Astro's incremental builds: a `cacheKey` per path, the module graph tracked by Astro itself).
 *
 * A page's output is a function of what it read: the content documents it touched (recorded here
 * as it renders, through the tracked content set of ./content.ts), its props from getStaticPaths,
 * and the environment the build ran with; code, UI strings, styles and fixed pages are modules,
 * whose changes Astro sees. If everything a page read last time is the same, so is its output:
 * its key stays, and Astro reuses the page. Otherwise it gets a new key and is rendered, and what
 * it reads then is recorded for the next build. No page lists its dependencies by hand.
 *
 * Pages are rendered one at a time (build.concurrency 1, Astro's default and ours), so the reads
 * between one page's start (../middleware.ts) and the next's belong to it.
 *
 * The build (site/build/build-site.ts) and the pages share one state through globalThis: Astro
 * bundles the pages, so this module runs as two copies, the build's and the bundle's.
 */
import { createHash, randomUUID } from 'node:crypto'
import path from 'node:path'
import type { ContentSet } from '../../content/load.ts'
import { mediaFilesDir } from '../../content/load.ts'
import { filmSource, sourceHash } from '../films/media.ts'
import { fileHash } from '../../system/files.ts'

/** A page: its route pattern and its parameters ("/[lang]/activities/[slug]" + {lang: "ar", slug: …}). */
export type PageId = string

/** What one page read, each input with its digest then, and the key Astro has for its output. */
export interface PageRecord {
  key: string
  inputs: Record<string, string>
}

export type PageRecords = Record<PageId, PageRecord>

interface BuildState {
  /** The records of the build whose output Astro has cached. */
  previous: PageRecords
  /** This build: the key given to each page, its props' digest, and what each rendered page read. */
  keys: Map<PageId, string>
  props: Map<PageId, string>
  read: Map<PageId, Set<string>>
  current: PageId | undefined
  /** The content the build loaded and validated, so the pages do not parse every file again. */
  content: { dir: string; set: ContentSet }
}

const stateKey = Symbol.for('modersmal.pageDependencies')
const state = (): BuildState | undefined => (globalThis as { [stateKey]?: BuildState })[stateKey]

/** Called by the build before Astro runs: what the cached output was made from, and the content it builds. */
export function beginTracking(previous: PageRecords, content: { dir: string; set: ContentSet }): void {
  ;(globalThis as { [stateKey]?: BuildState })[stateKey] = {
    previous,
    keys: new Map(),
    props: new Map(),
    read: new Map(),
    current: undefined,
    content: { dir: path.resolve(content.dir), set: content.set },
  }
}

/** The content set of the build under way, if it is of `dir` (../lib/content.ts). */
export const contentOfBuild = (dir: string): ContentSet | undefined => {
  const content = state()?.content
  return content && content.dir === path.resolve(dir) ? content.set : undefined
}

const digest = (...parts: string[]): string => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p).update('\0')
  return h.digest('hex').slice(0, 24)
}

export const pageId = (route: string, params: Record<string, string | number | undefined>): PageId =>
  `${route}?${Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k] ?? ''}`)
    .join('&')}`

/** The environment a page is built with beyond its content (the CMS's address, the preview's notes). */
function environment(): string {
  const e = process.env
  return digest(e.SITE_CMS_URL ?? '', e.CMS_PUBLIC_URL ?? '', e.MODERSMAL_PREVIEW ?? '', e.MODERSMAL_PREVIEW_NOTES ?? '', e.SITE_URL ?? '')
}

const docsOf = (set: ContentSet, kind: string) => (set as unknown as Record<string, Array<Record<string, unknown>>>)[kind] ?? []

const digests = new WeakMap<ContentSet, Map<string, string>>()

/**
 * The digest of one input a page read: a document (with its files), a collection's list (which
 * documents, in which order), a whole collection, the environment, the page's props.
 */
export function inputDigest(set: ContentSet, contentDir: string, input: string, props?: string): string {
  if (input === 'props') return props ?? ''
  const known = digests.get(set) ?? new Map<string, string>()
  digests.set(set, known)
  const d = known.get(input) ?? computeDigest(set, contentDir, input)
  known.set(input, d)
  return d
}

function computeDigest(set: ContentSet, contentDir: string, input: string): string {
  if (input === 'env') return environment()
  if (input.startsWith('list:')) return digest(...docsOf(set, input.slice(5)).map(keyOf))
  if (input.startsWith('all:')) {
    const kind = input.slice(4)
    return digest(...docsOf(set, kind).map((d) => inputDigest(set, contentDir, `${kind}/${keyOf(d)}`)))
  }
  const [kind, key] = input.split('/', 2) as [string, string]
  const doc = docsOf(set, kind).find((d) => keyOf(d) === key)
  if (!doc) return 'gone'
  // What the pages read from a document's files: a picture's size, a film's renditions (by hash).
  if (kind === 'media') return digest(JSON.stringify(doc), fileHash(path.join(mediaFilesDir(contentDir), String(doc.file))))
  if (kind === 'films') {
    const source = filmSource(contentDir, doc as never)
    return digest(JSON.stringify(doc), source ? sourceHash(source) : '')
  }
  return digest(JSON.stringify(doc))
}

const keyOf = (d: Record<string, unknown>): string => String(d.slug ?? d.code)

/**
 * The paths of one route with their cache keys. A page keeps the key Astro has for it while
 * everything it read is the same; any other page gets a new one and is rendered.
 */
export function keyedPaths<P extends { params: Record<string, string | number | undefined>; props?: unknown }>(
  route: string,
  paths: P[],
  set: ContentSet,
  contentDir: string,
): Array<P & { cacheKey?: string }> {
  const s = state()
  if (!s) return paths
  return paths.map((p) => {
    const id = pageId(route, p.params)
    const props = digest(JSON.stringify(p.props ?? null))
    const before = s.previous[id]
    const same = before && Object.entries(before.inputs).every(([input, was]) => inputDigest(set, contentDir, input, props) === was)
    const key = same ? before.key : randomUUID()
    s.keys.set(id, key)
    s.props.set(id, props)
    return { ...p, cacheKey: key }
  })
}

/** A page starts rendering (../middleware.ts): the reads from now on are its own. */
export function pageStarts(route: string, params: Record<string, string | undefined>): void {
  const s = state()
  if (!s) return
  s.current = pageId(route, params)
  s.read.set(s.current, new Set(['env', 'props']))
}

/** A page read this input (the tracked content set). */
export function pageRead(input: string): void {
  const s = state()
  if (s?.current) s.read.get(s.current)?.add(input)
}

/**
 * After a build that Astro finished: the records for the next one. A rendered page's are what it
 * read now; a reused page keeps its own; a page no longer built is forgotten.
 */
export function endTracking(set: ContentSet, contentDir: string): { records: PageRecords; rendered: number } {
  const s = state()
  if (!s) return { records: {}, rendered: 0 }
  const next: PageRecords = {}
  for (const [id, key] of s.keys) {
    const read = s.read.get(id)
    if (read) next[id] = { key, inputs: Object.fromEntries([...collapsed(set, read)].map((input) => [input, inputDigest(set, contentDir, input, s.props.get(id))])) }
    else if (s.previous[id]) next[id] = s.previous[id]!
  }
  delete (globalThis as { [stateKey]?: BuildState })[stateKey]
  return { records: next, rendered: s.read.size }
}

/**
 * A page that read every document of a collection (a catalogue page filters them all) depends on
 * the whole collection: one input instead of thousands.
 */
function collapsed(set: ContentSet, read: Set<string>): Set<string> {
  const perKind = new Map<string, number>()
  for (const input of read) {
    const slash = input.indexOf('/')
    if (slash > 0) perKind.set(input.slice(0, slash), (perKind.get(input.slice(0, slash)) ?? 0) + 1)
  }
  const whole = [...perKind].filter(([kind, n]) => n > 1 && n === docsOf(set, kind).length).map(([kind]) => kind)
  if (!whole.length) return read
  const out = new Set([...read].filter((input) => !whole.includes(input.slice(0, input.indexOf('/')))))
  for (const kind of whole) out.add(`all:${kind}`)
  return out
}

/** Each tracked view's collection and its documents by key, for findByKey. */
const lookups = new WeakMap<object, { kind: string; byKey: Map<string, unknown> }>()

/**
 * One document of a collection by its key (slug or code). The page then depends on that document
 * alone (or on its absence), where `list.find(…)` would make it depend on the list and every
 * document before the match: a guide naming two activities would be rebuilt for any activity.
 */
export function findByKey<T>(list: readonly T[], key: string): T | undefined {
  const lookup = lookups.get(list)
  if (!lookup) return list.find((d) => keyOf(d as Record<string, unknown>) === key)
  pageRead(`${lookup.kind}/${key}`)
  return lookup.byKey.get(key) as T | undefined
}

/** The content set, every read recorded for the page being rendered. */
export function trackedContent(set: ContentSet): ContentSet {
  const tracked = (kind: string, list: unknown[]) => {
    const view = new Proxy(list, {
      get(docs, prop, r) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) {
          const doc = docs[Number(prop)] as Record<string, unknown> | undefined
          if (doc) pageRead(`${kind}/${keyOf(doc)}`)
          return doc
        }
        // Its length or an iteration: which documents there are, and in what order.
        if (prop === 'length' || prop === Symbol.iterator) pageRead(`list:${kind}`)
        return Reflect.get(docs, prop, r)
      },
    })
    lookups.set(view, { kind, byKey: new Map(list.map((d) => [keyOf(d as Record<string, unknown>), d])) })
    return view
  }
  // One view per collection, made once: pages ask for set.activities on every render.
  const views = Object.fromEntries(Object.entries(set).map(([kind, value]) => [kind, Array.isArray(value) ? tracked(kind, value) : value]))
  return views as unknown as ContentSet
}
