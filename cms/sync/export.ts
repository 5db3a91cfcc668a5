/**
 * Writes the published content of the CMS to content/: every locale that has its own text
 * (never fallback text) and is published, references by slug, media files beside their metadata.
 * The new tree is written aside, validated with the same schema as the seed, and only then
 * swapped in (./contentSwap.ts: whole, also when the export is killed mid-way). With `drafts`, the latest versions instead, for the draft preview (cms/preview/).
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Field, Payload } from 'payload'
import { contentKinds, type ContentKind } from '../../content/collections.ts'
import { sourceLocale } from '../../locales/registry.ts'
import { onlyLocales, publishedLocales } from '../publish/localeStatus.ts'
import { contentExtension, filmFilesDir, loadContent, mediaFilesDir } from '../../content/load.ts'
import { serializeDocument } from '../../content/serialize.ts'
import { fromPayloadRefs } from './references.ts'
import { asDocs, contentDocument, type Doc } from './convert.ts'
import { swapContent, withContentLock } from './contentSwap.ts'
import { crashPoint } from '../../system/crash-points.ts'
import { contentProblems } from './validate.ts'
import { removeAbandoned } from '../../system/processes.ts'

export interface ExportResult {
  counts: Record<ContentKind, number>
  warnings: string[]
}

export async function exportContent(payload: Payload, contentRoot: string, opts: { drafts?: boolean } = {}): Promise<ExportResult> {
  const refs = fromPayloadRefs()
  const warnings: string[] = []
  const docsByKind = new Map<ContentKind, Doc[]>()
  for (const kind of contentKinds) {
    const { config } = payload.collections[kind]
    const { docs } = await payload.find({
      collection: kind,
      locale: 'all',
      fallbackLocale: false,
      draft: Boolean(opts.drafts),
      depth: 0,
      pagination: false,
      overrideAccess: true,
      sort: 'slug',
    })
    // The status is per locale: a document is public when its Danish source is published, and
    // carries only the translations that are published themselves.
    const live =
      opts.drafts || !config.versions?.drafts
        ? asDocs(docs)
        : asDocs(docs).flatMap((d) => {
            const locales = publishedLocales(d)
            return locales.includes(sourceLocale) ? [onlyLocales(config.fields, d, new Set(locales))] : []
          })
    const shown = opts.drafts ? await previewable(payload, kind, config.fields, live, warnings) : live
    for (const d of shown) refs.add(kind, d.slug as string, d.id as number)
    docsByKind.set(kind, shown)
  }

  // Films name their video by its stored file name (as content/ does), not by id.
  const { docs: videos } = await payload.find({ collection: 'videos', depth: 0, pagination: false, overrideAccess: true })
  for (const v of videos) refs.add('videos', v.filename as string, v.id)

  const total = [...docsByKind.values()].reduce((n, docs) => n + docs.length, 0)
  if (total === 0) {
    // Almost always a wrong database (or an unseeded one), and it would empty content/.
    throw new Error('The CMS holds no published content; refusing to replace content/ with nothing. Seed it first (npm run seed).')
  }

  // Named with our pid, so a later export can tell an abandoned one (a killed publish) and remove it.
  const parent = path.dirname(path.resolve(contentRoot))
  await removeAbandoned(parent, '.content-export-')
  const staging = await mkdtemp(path.join(parent, `.content-export-${process.pid}-`))
  try {
    const counts = {} as Record<ContentKind, number>
    for (const kind of contentKinds) {
      const fields = payload.collections[kind].config.fields
      const dir = path.join(staging, kind)
      await mkdir(dir, { recursive: true })
      const docs = docsByKind.get(kind)!
      for (const d of docs) {
        const doc = contentDocument(fields, d, refs, (m) => warnings.push(`${kind}/${d.slug}: ${m}`))
        if (kind === 'media') {
          const upload = payload.collections.media.config.upload
          await mkdir(mediaFilesDir(staging), { recursive: true })
          await copyFile(path.join(upload.staticDir!, d.filename as string), path.join(mediaFilesDir(staging), d.filename as string))
          // The stored file name is the content's `file`; place it right after the slug.
          const { slug, ...rest } = doc
          await writeFile(path.join(dir, `${slug}${contentExtension}`), serializeDocument({ slug, file: d.filename, ...rest }))
        } else {
          if (kind === 'films' && typeof doc.video === 'string') {
            const upload = payload.collections.videos.config.upload
            await mkdir(filmFilesDir(staging), { recursive: true })
            await copyFile(path.join(upload.staticDir!, doc.video), path.join(filmFilesDir(staging), doc.video))
          }
          await writeFile(path.join(dir, `${d.slug}${contentExtension}`), serializeDocument(doc))
        }
      }
      counts[kind] = docs.length
    }
    // The same validation the seed and the site use: an export that would not load is not written.
    await loadContent(staging)
    crashPoint('export:staged')
    await mkdir(contentRoot, { recursive: true })
    await withContentLock(contentRoot, () => swapContent(contentRoot, staging, contentKinds))
    return { counts, warnings }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/**
 * For the preview: each latest draft that would pass as a content/ file. A half-written one is
 * shown as published (or, never published, not at all) with a warning naming it: one unfinished
 * draft must not stop everyone's preview.
 */
async function previewable(payload: Payload, kind: ContentKind, fields: Field[], drafts: Doc[], warnings: string[]): Promise<Doc[]> {
  const problems = new Map(drafts.map((d) => [d, contentProblems(kind, fields, d)] as const).filter(([, p]) => p.length))
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
    const published = asDocs(docs).find((x) => x.id === d.id)
    const locales = published ? publishedLocales(published) : []
    const show = published && (!versioned || locales.includes(sourceLocale)) ? [versioned ? onlyLocales(fields, published, new Set(locales)) : published] : []
    warnings.push(
      `${kind}/${String(d.slug)}: the latest draft cannot be previewed (${p.map((x) => `${x.path}: ${x.message}`).join('; ')}); the preview shows ${show.length ? 'the published version' : 'nothing of it'}`,
    )
    return show
  })
}
