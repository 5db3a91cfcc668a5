/**
 * Writes the published content of the CMS to content/: every locale that has its own text
 * (never fallback text), references by slug, media files beside their metadata. The new tree is
 * written aside, validated with the same schema as the seed, and only then swapped in.
 */
import { copyFile, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { contentKinds, type ContentKind } from '../../content/collections.ts'
import { contentExtension, filmFilesDir, loadContent, mediaFilesDir } from '../../content/load.ts'
import { serializeDocument } from '../../content/serialize.ts'
import { orderProvenance } from '../../content/translations.ts'
import { fromPayloadRefs } from './references.ts'
import { fromPayload } from './convert.ts'

export interface ExportResult {
  counts: Record<ContentKind, number>
  warnings: string[]
}

const published = { _status: { equals: 'published' } } as const

export async function exportContent(payload: Payload, contentRoot: string): Promise<ExportResult> {
  const refs = fromPayloadRefs()
  const docsByKind = new Map<ContentKind, Record<string, unknown>[]>()
  for (const kind of contentKinds) {
    const { docs } = await payload.find({
      collection: kind,
      where: payload.collections[kind].config.versions?.drafts ? published : undefined,
      locale: 'all',
      fallbackLocale: false,
      draft: false,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      sort: 'slug',
    })
    for (const d of docs as Array<Record<string, unknown>>) refs.add(kind, d.slug as string, d.id as number)
    docsByKind.set(kind, docs as Record<string, unknown>[])
  }

  // Films name their video by its stored file name (as content/ does), not by id.
  const { docs: videos } = await payload.find({ collection: 'videos', depth: 0, pagination: false, overrideAccess: true })
  for (const v of videos) refs.add('videos', v.filename as string, v.id)

  const total = [...docsByKind.values()].reduce((n, docs) => n + docs.length, 0)
  if (total === 0) {
    // Almost always a wrong database (or an unseeded one), and it would empty content/.
    throw new Error('The CMS holds no published content; refusing to replace content/ with nothing. Seed it first (npm run seed).')
  }

  const staging = await mkdtemp(path.join(path.dirname(path.resolve(contentRoot)), '.content-export-'))
  const warnings: string[] = []
  try {
    const counts = {} as Record<ContentKind, number>
    for (const kind of contentKinds) {
      const fields = payload.collections[kind].config.fields
      const dir = path.join(staging, kind)
      await mkdir(dir, { recursive: true })
      const docs = docsByKind.get(kind)!
      for (const d of docs) {
        const doc = orderProvenance(fromPayload(fields, d, refs, (m) => warnings.push(`${kind}/${d.slug}: ${m}`)))
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
    await mkdir(contentRoot, { recursive: true })
    for (const kind of contentKinds) {
      const target = path.join(contentRoot, kind)
      const old = `${target}.old-${process.pid}`
      await rm(old, { recursive: true, force: true })
      await rename(target, old).catch((e: NodeJS.ErrnoException) => { if (e.code !== 'ENOENT') throw e })
      await rename(path.join(staging, kind), target)
      await rm(old, { recursive: true, force: true })
    }
    return { counts, warnings }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
