/**
 * Loads content/ into an empty database: validates everything first (nothing is written if any
 * file is bad), then creates each document in Danish and adds its translations, all in one
 * transaction, so a failure leaves the database as it was.
 */
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'
import { contentKinds, type ContentKind } from '../../content/collections.ts'
import { filmFilesDir, loadContent, mediaFilesDir } from '../../content/load.ts'
import { sourceLocale } from '../../locales/registry.ts'
import { localesIn } from '../../content/schema/index.ts'
import { fromPayloadRefs, type ContentReferences } from './references.ts'
import { toPayload, toStoredDocument, type Doc } from './convert.ts'
import { crashPoint } from '../../system/crash-points.ts'
import { refreshStatistics } from '../database.ts'

export interface SeedResult {
  counts: Record<ContentKind, number>
  writes: number
}

export class DatabaseNotEmptyError extends Error {}

/**
 * Written through Payload's operations, one language per write: images need its file handling,
 * municipalities their own hooks (short codes, former slugs). Every other document is stored
 * whole (`storeWhole`): 5,000 activities in three languages took 15,000 operations at about
 * 25 ms each, each reading the document back and saving one more version.
 */
const throughPayload = new Set<ContentKind>(['media', 'municipalities'])

/**
 * One document with every language at once, and its one version, as Payload stores them after
 * its operations (which it cannot do for several locales in one call: payloadcms/payload#14077).
 * What the operations add is not needed here: every file passed the same rules in loadContent,
 * and our hooks leave a seed alone. The round-trip test checks it reads back byte for byte.
 */
async function storeWhole(payload: Payload, req: PayloadRequest, kind: ContentKind, doc: Doc, refs: ContentReferences): Promise<number | string> {
  const { config } = payload.collections[kind]
  const now = new Date().toISOString()
  const data: Doc = { ...toStoredDocument(config.fields, doc, refs), createdAt: now, updatedAt: now }
  if (config.versions?.drafts) data._status = Object.fromEntries(localesIn(doc).map((l) => [l, 'published']))
  const created = await payload.db.create({ collection: kind, data, req, returning: true })
  if (config.versions) await payload.db.createVersion({ collectionSlug: kind, parent: created.id, versionData: data as never, autosave: false, createdAt: now, updatedAt: now, req, returning: false })
  return created.id as number | string
}

export async function seedContent(payload: Payload, contentRoot: string): Promise<SeedResult> {
  const set = await loadContent(contentRoot)

  for (const kind of [...contentKinds, 'videos'] as const) {
    const { totalDocs } = await payload.count({ collection: kind, overrideAccess: true })
    if (totalDocs > 0) throw new DatabaseNotEmptyError(`The database already holds ${totalDocs} ${kind}; seed loads only into an empty database.`)
  }

  await removeStrayUploads(payload)

  const refs = fromPayloadRefs()
  const req = await createLocalReq({}, payload)
  const ownTransaction = await initTransaction(req)
  let writes = 0
  try {
    for (const kind of contentKinds) {
      // A film's original video is an upload of its own, named by its file name in content/.
      if (kind === 'films') writes += await seedVideos(payload, req, set.films, filmFilesDir(contentRoot), refs)
      const fields = payload.collections[kind].config.fields
      for (const doc of set[kind] as Array<Record<string, unknown> & { slug: string; file?: string }>) {
        if (!throughPayload.has(kind)) {
          refs.add(kind, doc.slug, await storeWhole(payload, req, kind, doc, refs))
          writes++
          crashPoint('seed:write')
          continue
        }
        const present = localesIn(doc)
        freshContext(req)
        const common = { collection: kind, req, overrideAccess: true, depth: 0, context: { seeding: true } } as const
        const created = await payload.create({
          ...common,
          locale: sourceLocale,
          data: { ...toPayload(fields, doc, sourceLocale, refs), _status: 'published' },
          ...(kind === 'media' ? { filePath: path.join(mediaFilesDir(contentRoot), doc.file!) } : {}),
        } as Parameters<Payload['create']>[0])
        writes++
        crashPoint('seed:write')
        refs.add(kind, doc.slug, created.id)
        // Array row ids, which translations of fields inside non-localized arrays need.
        const existing = present.length > 1 ? await payload.findByID({ ...common, id: created.id, locale: sourceLocale }) : undefined
        for (const locale of present) {
          if (locale === sourceLocale) continue
          await payload.update({
            ...common,
            id: created.id,
            locale,
            data: { ...toPayload(fields, doc, locale, refs, existing as Doc | undefined), _status: 'published' },
          } as Parameters<Payload['update']>[0])
          writes++
        }
      }
    }
    if (ownTransaction) await commitTransaction(req)
  } catch (e) {
    if (ownTransaction) await killTransaction(req)
    throw e
  }
  if (ownTransaction) await refreshStatistics(payload)
  const counts = Object.fromEntries(contentKinds.map((k) => [k, set[k].length])) as Record<ContentKind, number>
  return { counts, writes }
}

/**
 * An empty database has no uploads: files in the upload folders are what a killed or failed seed
 * stored before its transaction was undone. Left there, they made Payload store the seed's files
 * under other names (film-plakat-1.png), and content/ no longer round-tripped.
 */
async function removeStrayUploads(payload: Payload): Promise<void> {
  for (const { upload } of payload.config.collections) {
    const dir = upload ? upload.staticDir : undefined
    if (!dir) continue
    for (const name of await readdir(dir).catch(() => [] as string[])) await rm(path.join(dir, name), { recursive: true, force: true })
  }
}

/**
 * One request carries the seed's transaction through every operation, but the cloud-storage plugin
 * leaves its skip flag on a request's context after an upload (payloadcms/payload#17546, #18191,
 * open), and every later upload on it silently missed the bucket. Each upload starts with a
 * context of its own, as a request of its own would.
 */
function freshContext(req: PayloadRequest): void {
  req.context = {}
}

async function seedVideos(payload: Payload, req: PayloadRequest, films: Array<{ video?: string }>, dir: string, refs: ContentReferences): Promise<number> {
  const names = [...new Set(films.flatMap((f) => (f.video ? [f.video] : [])))]
  for (const name of names) {
    freshContext(req)
    const created = await payload.create({ collection: 'videos', req, overrideAccess: true, depth: 0, data: {}, filePath: path.join(dir, name), context: { seeding: true } })
    refs.add('videos', name, created.id)
  }
  return names.length
}
