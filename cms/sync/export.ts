/**
 * Writes the published content of the CMS to content/: every locale that has its own text
 * (never fallback text) and is published, references by slug, media files beside their metadata.
 * The new tree is written aside, validated with the same schema as the seed, and only then
 * swapped in (./contentSwap.ts: whole, also when the export is killed mid-way). With `drafts`, the latest versions instead, for the draft preview (cms/preview/).
 * After the first, an export (a publish's or the preview's) reads and writes only what changed (./exportChanges.ts).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Field, Payload } from 'payload'
import { contentKinds, type ContentKind } from '../../content/collections.ts'
import { sourceLocale } from '../../locales/registry.ts'
import { onlyLocales, publishedLocales } from '../publish/localeStatus.ts'
import { exportChanges, keepMemo, live, savedAt, takeMemo, videoNames, videosKey, type Seen } from './exportChanges.ts'
import { ContentError, contentExtension, filmFilesDir, loadContent, mediaFilesDir } from '../../content/load.ts'
import { serializeDocument } from '../../content/serialize.ts'
import { fromPayloadRefs, type ContentReferences } from './references.ts'
import { asDocs, contentDocument, type Doc } from './convert.ts'
import { swapContent, withContentLock } from './contentSwap.ts'
import { crashPoint } from '../../system/crash-points.ts'
import { contentProblems } from './validate.ts'
import { removeAbandoned } from '../../system/processes.ts'
import { copyUpload } from '../storage.ts'

export interface ExportResult {
  counts: Record<ContentKind, number>
  /** For the documents written; a publish that wrote only the changes warns only about those. */
  warnings: string[]
  /** False when only the documents saved since the last export were read and written (./exportChanges.ts). */
  whole: boolean
  written: number
}

/** With `whole`, every document is read and written even where the last export allows less. */
export async function exportContent(payload: Payload, contentRoot: string, opts: { drafts?: boolean; whole?: boolean } = {}): Promise<ExportResult> {
  const memo = takeMemo(payload, contentRoot)
  // Named with our pid, so a later export can tell an abandoned one (a killed publish) and remove it.
  const parent = path.dirname(path.resolve(contentRoot))
  await mkdir(parent, { recursive: true })
  await removeAbandoned(parent, '.content-export-')
  const staging = await mkdtemp(path.join(parent, `.content-export-${process.pid}-`))
  try {
    const changes = memo && !opts.whole ? await exportChanges(payload, contentRoot, staging, memo, Boolean(opts.drafts)) : undefined
    if (changes) {
      crashPoint('export:staged')
      await withContentLock(contentRoot, () => swapContent(contentRoot, staging, contentKinds))
      await keepMemo(payload, contentRoot, changes.memo)
      return { counts: changes.counts, warnings: changes.warnings, whole: false, written: changes.written }
    }
    for (const kind of contentKinds) await rm(path.join(staging, kind), { recursive: true, force: true })
    return await exportWhole(payload, contentRoot, staging, Boolean(opts.drafts))
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

async function exportWhole(payload: Payload, contentRoot: string, staging: string, drafts: boolean): Promise<ExportResult> {
  const warnings: string[] = []
  // The preview's drafts shown as published or not at all: the next export must judge them again.
  const fallbacks: string[] = []
  const docsByKind = new Map<ContentKind, Doc[]>()
  const seen = new Map<ContentKind, Map<string, Seen>>()
  // The preview's drafts already replaced by their published version, per collection: one that
  // fails again is shown as nothing.
  const shownAsPublished = new Map(contentKinds.map((k) => [k, new Set<unknown>()] as const))
  for (const kind of contentKinds) {
    const { config } = payload.collections[kind]
    // Before the read: a save in between is then seen as newer by the next export, never missed.
    const saved = drafts ? await savedAt(payload, kind, true) : undefined
    const { docs } = await payload.find({
      collection: kind,
      locale: 'all',
      fallbackLocale: false,
      draft: drafts,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      sort: 'slug',
    })
    // The status is per locale: a document is public when its Danish source is published, and
    // carries only the translations that are published themselves.
    const kindSeen = new Map<string, Seen>()
    const shownLive = asDocs(docs).flatMap((d) => {
      const doc = drafts ? d : live(payload, kind, d)
      kindSeen.set(String(d.id), { saved: saved?.get(String(d.id)) ?? (d.updatedAt as string), slug: doc?.slug as string | undefined })
      return doc ? [doc] : []
    })
    seen.set(kind, kindSeen)
    const shown = drafts
      ? await previewable(payload, kind, config.fields, shownLive, fallbacks, (d) => contentProblems(kind, config.fields, d).map((x) => `${x.path}: ${x.message}`), shownAsPublished.get(kind)!)
      : shownLive
    docsByKind.set(kind, shown)
  }

  // Films name their video by its stored file name (as content/ does), not by id.
  const videos = await videoNames(payload)

  const total = [...docsByKind.values()].reduce((n, docs) => n + docs.length, 0)
  if (total === 0) {
    // Almost always a wrong database (or an unseeded one), and it would empty content/.
    throw new Error('The CMS holds no published content; refusing to replace content/ with nothing. Seed it first (npm run seed).')
  }

  const counts = {} as Record<ContentKind, number>
  // The preview writes the latest drafts; one that passes alone may still not load with the
  // rest (a link to a never-published draft that itself cannot be shown). Those are shown as
  // published, or not at all, and the tree written again: one draft never stops the preview.
  for (let round = 1; ; round++) {
    const refs = fromPayloadRefs()
    for (const [kind, docs] of docsByKind) for (const d of docs) refs.add(kind, d.slug as string, d.id as number)
    for (const v of videos) refs.add('videos', v.filename as string, v.id as number)
    const roundWarnings: string[] = []
    await writeTree(payload, staging, docsByKind, refs, videos, counts, roundWarnings)
    try {
      // The same validation the seed and the site use: an export that would not load is not written.
      await loadContent(staging)
      warnings.push(...fallbacks, ...roundWarnings)
      break
    } catch (e) {
      const byFile = drafts && e instanceof ContentError && round < 5 ? problemsByFile(e.problems) : new Map<string, string[]>()
      if (byFile.size === 0) throw e
      for (const [kind, docs] of docsByKind) {
        const fields = payload.collections[kind].config.fields
        const failing = (d: Doc) => byFile.get(`${kind}/${String(d.slug)}${contentExtension}`) ?? []
        if (docs.some((d) => failing(d).length)) docsByKind.set(kind, await previewable(payload, kind, fields, docs, fallbacks, failing, shownAsPublished.get(kind)!))
      }
      for (const kind of contentKinds) await rm(path.join(staging, kind), { recursive: true, force: true })
    }
  }
  crashPoint('export:staged')
  await mkdir(contentRoot, { recursive: true })
  await withContentLock(contentRoot, () => swapContent(contentRoot, staging, contentKinds))
  if (fallbacks.length === 0) await keepMemo(payload, contentRoot, { seen, videos: videosKey(videos), drafts })
  return { counts, warnings, whole: true, written: total }
}

/** Writes each document's content file (and its media or film file) under `root`. */
async function writeTree(
  payload: Payload,
  root: string,
  docsByKind: Map<ContentKind, Doc[]>,
  refs: ContentReferences,
  videos: Doc[],
  counts: Record<ContentKind, number>,
  warnings: string[],
): Promise<void> {
  for (const kind of contentKinds) {
    const fields = payload.collections[kind].config.fields
    const dir = path.join(root, kind)
    await mkdir(dir, { recursive: true })
    const docs = docsByKind.get(kind)!
    for (const d of docs) {
      const doc = contentDocument(fields, d, refs, (m) => warnings.push(`${kind}/${d.slug}: ${m}`))
      if (kind === 'media') {
        await mkdir(mediaFilesDir(root), { recursive: true })
        await copyUpload(payload, 'media', d, path.join(mediaFilesDir(root), d.filename as string))
        // The stored file name is the content's `file`; place it right after the slug.
        const { slug, ...rest } = doc
        await writeFile(path.join(dir, `${slug}${contentExtension}`), serializeDocument({ slug, file: d.filename, ...rest }))
      } else {
        if (kind === 'films' && typeof doc.video === 'string') {
          const video = videos.find((v) => v.filename === doc.video) ?? { filename: doc.video }
          await mkdir(filmFilesDir(root), { recursive: true })
          await copyUpload(payload, 'videos', video, path.join(filmFilesDir(root), doc.video))
        }
        await writeFile(path.join(dir, `${d.slug}${contentExtension}`), serializeDocument(doc))
      }
    }
    counts[kind] = docs.length
  }
}

/** "activities/x.yaml: title: …" → the file's problems, for the files a load named. */
function problemsByFile(problems: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const p of problems) {
    const m = /^([a-z-]+\/[^:/]+\.yaml): (.*)$/.exec(p)
    if (m) out.set(m[1]!, [...(out.get(m[1]!) ?? []), m[2]!])
  }
  return out
}

/**
 * For the preview: each latest draft that would pass as a content/ file. A half-written one is
 * shown as published (or, never published, not at all) with a warning naming it: one unfinished
 * draft must not stop everyone's preview.
 */
async function previewable(payload: Payload, kind: ContentKind, fields: Field[], drafts: Doc[], warnings: string[], problemsOf: (d: Doc) => string[], shownAsPublished: Set<unknown>): Promise<Doc[]> {
  const problems = new Map(drafts.map((d) => [d, problemsOf(d)] as const).filter(([, p]) => p.length))
  if (problems.size === 0) return drafts
  const { docs } = await payload.find({
    collection: kind,
    locale: 'all',
    fallbackLocale: false,
    draft: false,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    where: { id: { in: [...problems.keys()].map((d) => d.id as number) } },
  })
  const versioned = Boolean(payload.collections[kind].config.versions?.drafts)
  return drafts.flatMap((d) => {
    const p = problems.get(d)
    if (!p) return [d]
    // Already the published version, and that fails too (it links to a draft shown as nothing).
    const published = shownAsPublished.has(d.id) ? undefined : asDocs(docs).find((x) => x.id === d.id)
    if (published) shownAsPublished.add(d.id)
    const locales = published ? publishedLocales(published) : []
    const show = published && (!versioned || locales.includes(sourceLocale)) ? [versioned ? onlyLocales(fields, published, new Set(locales)) : published] : []
    warnings.push(`${kind}/${String(d.slug)}: the latest draft cannot be previewed (${p.join('; ')}); the preview shows ${show.length ? 'the published version' : 'nothing of it'}`)
    return show
  })
}
