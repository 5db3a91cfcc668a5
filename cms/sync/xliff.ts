/**
 * XLIFF 2.0 between the CMS and translation agencies (the format: content/xliff/).
 *
 * Export reads the latest version of every document (drafts included): translators work from the
 * newest Danish, and the hash in each unit is that Danish text's.
 *
 * Import is all or nothing. Inside one transaction it reads the documents as they are now, checks
 * every unit (document, field, Danish source hash); if any unit is refused nothing is written and
 * the report lists every refusal. Otherwise each document gets the translated fields, the hashes
 * from the file (equal to the current Danish ones, checked) and `translationStatus` = the status
 * asked for, written with `context.provenance = 'keep'` so the provenance hook leaves them alone.
 * A document keeps its status: where its latest Danish is published, the imported language is
 * published too (the status is per locale, so only that language); otherwise it gets a draft.
 */
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { contentKinds, type ContentKind } from '../../content/collections.ts'
import { buildXliff, parseXliff, planImport, targetLocale, type CollectionDoc, type Refusal, type XliffDoc, type XliffExport } from '../../content/xliff/index.ts'
import { sourceLocale, type LocaleCode } from '../../locales/registry.ts'
import { statusIn } from '../publish/localeStatus.ts'
import { asDocs, fromPayload, toPayload, type References } from './convert.ts'
import { crashPoint } from '../../system/crash-points.ts'

/** Ids stand in for slugs: XLIFF needs no references, and the writes send them back unchanged. */
const idRefs: References = {
  slugOf: (_collection, id) => String(id),
  idOf: (_collection, slug) => (/^\d+$/.test(slug) ? Number(slug) : slug),
}

type Raw = Record<string, unknown> & { id: number | string; slug: string }

async function latest(payload: Payload, collection: ContentKind, req?: Parameters<Payload['find']>[0]['req'], slugs?: string[]): Promise<Raw[]> {
  const { docs } = await payload.find({
    collection,
    ...(slugs ? { where: { slug: { in: slugs } } } : {}),
    locale: 'all',
    fallbackLocale: false,
    draft: true,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'slug',
    ...(req ? { req } : {}),
  })
  return asDocs(docs) as Raw[]
}

const toContent = (payload: Payload, collection: ContentKind, raw: Raw) => fromPayload(payload.collections[collection].config.fields, raw, idRefs, () => {}) as XliffDoc

export interface ExportXliffOptions {
  locale: string
  collections?: readonly ContentKind[]
  outdatedOnly?: boolean
  missingOnly?: boolean
}

export async function exportXliff(payload: Payload, opts: ExportXliffOptions): Promise<XliffExport> {
  const locale = targetLocale(opts.locale)
  for (const c of opts.collections ?? []) if (!(contentKinds as readonly string[]).includes(c)) throw new Error(`Unknown collection "${c}". Known: ${contentKinds.join(', ')}`)
  const docs: CollectionDoc[] = []
  for (const collection of opts.collections ?? contentKinds) for (const raw of await latest(payload, collection)) docs.push({ collection, doc: toContent(payload, collection, raw) })
  return buildXliff(docs, { locale, collections: opts.collections, outdatedOnly: opts.outdatedOnly, missingOnly: opts.missingOnly })
}

export interface ImportedDocument {
  collection: ContentKind
  slug: string
  /** The fields written (whole), and how many units changed them. */
  fields: string[]
  units: number
  /** Units sent back with the text already there: not written (the status still is). */
  unchanged: number
  status: string
}

export interface XliffImportReport {
  locale?: LocaleCode
  /** Empty when anything was refused: then nothing was written. */
  imported: ImportedDocument[]
  refused: Refusal[]
  /** Units with no target, left as they were. */
  skipped: string[]
}

export async function importXliff(payload: Payload, xml: string, opts: { status: 'machine' | 'reviewed'; locale?: LocaleCode }): Promise<XliffImportReport> {
  if (opts.status !== 'machine' && opts.status !== 'reviewed') throw new Error(`The status must be "machine" or "reviewed", not "${String(opts.status)}"`)
  const parsed = await parseXliff(xml, { locale: opts.locale })
  const locale = parsed.locale
  if (!locale || parsed.refused.some((r) => r.unit === '(file)')) return { locale, imported: [], refused: parsed.refused, skipped: [] }

  const req = await createLocalReq({}, payload)
  const ownTransaction = await initTransaction(req)
  try {
    // The documents as they are now, read in the transaction the writes use.
    const raws = new Map<string, { collection: ContentKind; raw: Raw }>()
    const docs = new Map<string, XliffDoc>()
    for (const collection of contentKinds) {
      const slugs = [...new Set(parsed.units.filter((u) => u.collection === collection).map((u) => u.slug))]
      if (slugs.length === 0) continue
      for (const raw of await latest(payload, collection, req, slugs)) {
        raws.set(`${collection}/${raw.slug}`, { collection, raw })
        docs.set(`${collection}/${raw.slug}`, toContent(payload, collection, raw))
      }
    }
    const plan = planImport(parsed.units, locale, docs)
    const refused = [...parsed.refused, ...plan.refused]
    if (refused.length) {
      if (ownTransaction) await killTransaction(req)
      return { locale, imported: [], refused, skipped: plan.skipped }
    }

    const imported: ImportedDocument[] = []
    for (const update of plan.updates) {
      const { collection, raw } = raws.get(`${update.collection}/${update.slug}`)!
      const fields = payload.collections[collection].config.fields
      const published = statusIn(raw, sourceLocale) === 'published'
      const oldHashes = (raw.sourceHashes as Record<string, Record<string, string> | null> | undefined)?.[locale] ?? {}
      const changed = Object.keys(update.values).length > 0
      await payload.update({
        collection,
        id: raw.id,
        locale,
        req,
        overrideAccess: true,
        depth: 0,
        draft: !published,
        context: { provenance: 'keep' },
        data: {
          ...toPayload(fields, update.values, locale, idRefs, raw),
          translationStatus: opts.status,
          ...(changed ? { sourceHashes: { ...oldHashes, ...update.hashes } } : {}),
          _status: published ? 'published' : 'draft',
        },
      } as Parameters<Payload['update']>[0])
      crashPoint('import:write')
      imported.push({ collection, slug: update.slug, fields: Object.keys(update.values), units: update.units.length, unchanged: update.unchanged.length, status: opts.status })
    }
    if (ownTransaction) await commitTransaction(req)
    return { locale, imported, refused: [], skipped: plan.skipped }
  } catch (e) {
    if (ownTransaction) await killTransaction(req)
    throw e
  }
}

/** The report as the command line prints it. */
export function formatReport(report: XliffImportReport): string {
  const lines: string[] = []
  if (report.refused.length) {
    lines.push(`Refused: nothing was imported (${report.refused.length} problem${report.refused.length === 1 ? '' : 's'}):`)
    for (const r of report.refused) lines.push(`  - ${r.unit}: ${r.reason}`)
  } else {
    const units = report.imported.reduce((n, d) => n + d.units, 0)
    const unchanged = report.imported.reduce((n, d) => n + d.unchanged, 0)
    lines.push(`Imported ${units} changed units into ${report.imported.length} documents in "${report.locale}" (${unchanged} units came back unchanged):`)
    for (const d of report.imported) lines.push(`  - ${d.collection}/${d.slug}: ${d.fields.length ? d.fields.join(', ') : 'no text changed'}; status ${d.status}`)
  }
  if (report.skipped.length && !report.refused.length) lines.push(`${report.skipped.length} units had no target and were left as they were.`)
  return lines.join('\n')
}
