/**
 * The publish's export, from the second on: only the documents saved since the last export are
 * read and written; every other file of content/ is linked in unchanged. At 1,200 activities the
 * whole export took 2.7 s (every document in every locale read, written, checked); one changed
 * document now costs a listing of ids and save times.
 *
 * Kept honest by falling back to the whole export (./export.ts) whenever a change could reach a
 * file that was not saved: a document that left the public set or changed its slug (others refer
 * to it by slug), a deleted one, an image, a renamed video, a content/ that someone else changed
 * since, a check that fails. The tests compare both byte for byte after every kind of change.
 *
 * The draft preview's export (`drafts`) works the same way over the latest versions. A draft that
 * cannot be shown as it is needs the whole export's judgement (shown as published, or not at all,
 * with a note on the preview), so any such draft, now or at the last export, means a whole one.
 */
import { readdir, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { contentKinds, type ContentKind } from '../../content/collections.ts'
import { contentExtension, filmFilesDir, loadContent } from '../../content/load.ts'
import { serializeDocument } from '../../content/serialize.ts'
import { sourceLocale } from '../../locales/registry.ts'
import { linkTree } from '../../system/files.ts'
import { onlyLocales, publishedLocales } from '../publish/localeStatus.ts'
import { asDocs, contentDocument, type Doc } from './convert.ts'
import { fromPayloadRefs } from './references.ts'
import { contentProblems } from './validate.ts'

/** What the last export saw of one document: when it was saved (./savedAt), and its slug if it was exported. */
export interface Seen {
  saved: string
  slug: string | undefined
}

export interface ExportMemo {
  /** The exported tree's files (name, inode, size, time): anything else in content/ means a whole export. */
  signature: string
  seen: Map<ContentKind, Map<string, Seen>>
  /** Video id → file name, which films are exported by. */
  videos: string
  /** The latest versions (the draft preview's export), not the published ones. */
  drafts: boolean
}

const memos = new WeakMap<Payload, Map<string, ExportMemo>>()

/** The memo of the last export into `contentRoot`, taken: an export that fails leaves none. */
export function takeMemo(payload: Payload, contentRoot: string): ExportMemo | undefined {
  const byRoot = memos.get(payload)
  const memo = byRoot?.get(path.resolve(contentRoot))
  byRoot?.delete(path.resolve(contentRoot))
  return memo
}

export async function keepMemo(payload: Payload, contentRoot: string, memo: Omit<ExportMemo, 'signature'>): Promise<void> {
  const byRoot = memos.get(payload) ?? new Map<string, ExportMemo>()
  memos.set(payload, byRoot)
  byRoot.set(path.resolve(contentRoot), { ...memo, signature: await treeSignature(contentRoot) })
}

export async function videoNames(payload: Payload): Promise<Doc[]> {
  const { docs } = await payload.find({ collection: 'videos', depth: 0, pagination: false, overrideAccess: true })
  return asDocs(docs)
}
export const videosKey = (videos: Doc[]): string => JSON.stringify(videos.map((v) => [v.id, v.filename]))

/**
 * When each document of `kind` was last saved, by id. For the preview, the latest version's: a
 * draft save leaves the document's own row as it was, and a version carries the save time of the
 * version it was made from, so its own id and time tell one save from the next.
 */
export async function savedAt(payload: Payload, kind: ContentKind, drafts: boolean): Promise<Map<string, string>> {
  if (drafts && payload.collections[kind].config.versions?.drafts) {
    const { docs } = await payload.findVersions({
      collection: kind,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      where: { latest: { equals: true } },
      select: { parent: true, updatedAt: true } as never,
    })
    return new Map(docs.map((v) => [String(typeof v.parent === 'object' ? (v.parent as { id: unknown }).id : v.parent), `${v.id} ${v.updatedAt}`]))
  }
  const { docs } = await payload.find({ collection: kind, depth: 0, pagination: false, overrideAccess: true, select: { updatedAt: true } })
  return new Map(asDocs(docs).map((d) => [String(d.id), d.updatedAt as string]))
}

/** The published document as content/ holds it, or undefined when its Danish is not published. */
export function live(payload: Payload, kind: ContentKind, d: Doc): Doc | undefined {
  const { config } = payload.collections[kind]
  if (!config.versions?.drafts) return d
  const locales = publishedLocales(d)
  return locales.includes(sourceLocale) ? onlyLocales(config.fields, d, new Set(locales)) : undefined
}

export type ChangesResult = { counts: Record<ContentKind, number>; warnings: string[]; written: number; memo: Omit<ExportMemo, 'signature'> }

/**
 * Writes the changes since `memo` into `staging` (empty), which then holds the whole new tree;
 * undefined when only a whole export can be trusted.
 */
export async function exportChanges(payload: Payload, contentRoot: string, staging: string, memo: ExportMemo, drafts: boolean): Promise<ChangesResult | undefined> {
  if (memo.drafts !== drafts) return undefined
  for (const kind of contentKinds) await linkTree(path.join(contentRoot, kind), path.join(staging, kind))
  // Hard links share inode, size and time: the copy is exactly what the last export left.
  if ((await treeSignature(staging)) !== memo.signature) return undefined
  const videos = await videoNames(payload)
  if (videosKey(videos) !== memo.videos) return undefined

  const seen = new Map<ContentKind, Map<string, Seen>>()
  const changed = new Map<ContentKind, Doc[]>()
  for (const kind of contentKinds) {
    const before = memo.seen.get(kind)!
    const { config } = payload.collections[kind]
    const now = await savedAt(payload, kind, drafts)
    // A deleted document that was exported: others may have referred to it.
    for (const [id, s] of before) if (!now.has(id) && s.slug !== undefined) return undefined
    const ids = [...now].filter(([id, at]) => before.get(id)?.saved !== at).map(([id]) => id)
    if (ids.length && kind === 'media') return undefined
    const fresh = ids.length
      ? asDocs((await payload.find({ collection: kind, locale: 'all', fallbackLocale: false, draft: drafts, depth: 0, pagination: false, overrideAccess: true, where: { id: { in: ids } } })).docs)
      : []
    const shown: Doc[] = []
    const kindSeen = new Map([...before].filter(([id]) => now.has(id)))
    for (const d of fresh) {
      if (drafts && contentProblems(kind, config.fields, d).length) return undefined
      const doc = drafts ? d : live(payload, kind, d)
      const slug = doc ? (doc.slug as string) : undefined
      const was = before.get(String(d.id))
      // In or out of the public set, or under another slug: files that were not saved change too.
      if (was && was.slug !== slug) return undefined
      kindSeen.set(String(d.id), { saved: now.get(String(d.id))!, slug })
      if (doc) shown.push(doc)
    }
    seen.set(kind, kindSeen)
    changed.set(kind, shown)
  }

  const refs = fromPayloadRefs()
  for (const [kind, docs] of seen) for (const [id, s] of docs) if (s.slug !== undefined) refs.add(kind, s.slug, Number(id))
  for (const v of videos) refs.add('videos', v.filename as string, v.id as number)
  const warnings: string[] = []
  let written = 0
  for (const [kind, docs] of changed) {
    const fields = payload.collections[kind].config.fields
    for (const d of docs) {
      const doc = contentDocument(fields, d, refs, (m) => warnings.push(`${kind}/${d.slug}: ${m}`))
      if (kind === 'films' && typeof doc.video === 'string') {
        const film = path.join(filmFilesDir(staging), doc.video)
        if (!(await stat(film).catch(() => undefined))) return undefined
      }
      // The file may be a link to the live one: a new file, never a write through the link.
      const file = path.join(staging, kind, `${d.slug}${contentExtension}`)
      await rm(file, { force: true })
      await writeFile(file, serializeDocument(doc))
      written++
    }
  }
  try {
    await loadContent(staging)
  } catch {
    // The whole export gives the authoritative answer (and error).
    return undefined
  }
  const counts = Object.fromEntries(contentKinds.map((k) => [k, [...seen.get(k)!.values()].filter((s) => s.slug !== undefined).length])) as Record<ContentKind, number>
  return { counts, warnings, written, memo: { seen, videos: videosKey(videos), drafts } }
}

/** Every file under the collections' folders, by name, inode, size and time. */
async function treeSignature(root: string): Promise<string> {
  const parts: string[] = []
  for (const kind of contentKinds) {
    const dir = path.join(root, kind)
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
    for (const e of entries.filter((x) => x.isFile()).sort((a, b) => (a.parentPath + a.name < b.parentPath + b.name ? -1 : 1))) {
      const file = path.join(e.parentPath, e.name)
      const s = await stat(file)
      parts.push(`${path.relative(root, file)}\0${s.ino}\0${s.size}\0${s.mtimeMs}`)
    }
  }
  return parts.join('\n')
}
