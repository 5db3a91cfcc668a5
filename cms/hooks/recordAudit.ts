/**
 * Writes the audit log (cms/collections/AuditEvents) after every change, in the change's own
 * transaction (`req`): a save that fails leaves no event, and no change is without one. Names the
 * fields that changed, never their values; for a person's account, the role, languages and
 * municipality before and after. The seed, which loads content/ into an empty database, is not
 * an act of anyone's and is not logged.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { staffOf } from '../access/roles.ts'
import type { AuditAction } from '../collections/AuditEvents/actions.ts'
import type { AuditEvent } from '../payload-types.ts'
import { keepingLocale, readStored } from './inTransaction.ts'
import { relationId } from '../fields/relationId.ts'

const ignored = new Set(['id', 'createdAt', 'updatedAt', '_status', 'sourceHashes', 'sourceUpdated', 'translations'])
const access = ['role', 'translatorLocales', 'municipality'] as const

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** One event, as the current user (or the system), in the request's transaction. */
export async function recordAuditEvent(req: PayloadRequest, event: { action: AuditAction; target: string; locale?: string; fields?: string[]; access?: unknown; summary: string }) {
  const actor = staffOf(req)
  await keepingLocale(req, () =>
    req.payload.create({
      collection: 'audit-events',
      req,
      overrideAccess: true,
      depth: 0,
      data: {
        at: new Date().toISOString(),
        actorId: actor ? String(actor.id) : null,
        actorEmail: actor?.email ?? null,
        actorRole: actor?.role ?? 'system',
        ...event,
        fields: event.fields ?? null,
        // Plain JSON: an account's role, languages and municipality (ids), before and after.
        access: (event.access ?? null) as AuditEvent['access'],
      },
    }),
  )
}

const liveKey = (slug: string, id: unknown, locale: string | undefined) => `${slug}/${String(id)}/${locale}`
// Per request, from before the change to after it (Payload's nested local reads replace req.context).
const liveBefore = new WeakMap<PayloadRequest, Map<string, boolean>>()

/** Whether the language's published version is live (the latest draft may say otherwise). */
async function isLive(req: PayloadRequest, slug: string, id: number | string, locale: string | undefined): Promise<boolean> {
  const doc = await readStored(req, { collection: slug, id, locale: locale ?? 'da', draft: false })
  return doc?._status === 'published'
}

/**
 * Before a save that does not publish: was the language live? Its latest draft cannot say, and
 * only then can the log tell an unpublish from a draft saved over a live text.
 */
export const noteLiveBeforeChange: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation, collection, context }) => {
  if (context.seeding || operation !== 'update' || !collection.versions?.drafts || !originalDoc || data._status === 'published') return data
  const live = await isLive(req, collection.slug, originalDoc.id, req.locale ?? undefined)
  liveBefore.set(req, (liveBefore.get(req) ?? new Map()).set(liveKey(collection.slug, originalDoc.id, req.locale ?? undefined), live))
  return data
}

const everyLocale = (req: PayloadRequest, flag: string) => req.query?.[flag] === true || req.query?.[flag] === 'true'

export const recordAuditAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation, collection, context }) => {
  if (context.seeding) return doc
  const target = `${collection.slug}/${doc.id}`
  const who = staffOf(req)?.email ?? 'the system'
  const fields = Object.keys(doc).filter((k) => !ignored.has(k) && (operation === 'create' || !same(doc[k], previousDoc?.[k])))
  const locale = everyLocale(req, 'publishAllLocales') || everyLocale(req, 'unpublishAllLocales') ? 'all' : (req.locale ?? undefined)

  if (collection.slug === 'users') {
    const pick = (d: Record<string, unknown> | undefined) => Object.fromEntries(access.map((f) => [f, relationId(d?.[f]) ?? null]))
    const [before, after] = [pick(operation === 'create' ? undefined : previousDoc), pick(doc)]
    if (operation === 'create' || access.some((f) => !same(before[f], after[f])))
      await recordAuditEvent(req, {
        action: 'access',
        target,
        access: { before: operation === 'create' ? null : before, after },
        summary: `${who} ${operation === 'create' ? 'created the account of' : 'changed the access of'} ${String(doc.email)}`,
      })
    const other = fields.filter((f) => !(access as readonly string[]).includes(f) && f !== 'email')
    if (operation === 'update' && other.length) await recordAuditEvent(req, { action: 'update', target, fields: other, summary: `${who} changed ${other.join(', ')} of ${String(doc.email)}` })
    return doc
  }

  let action: AuditAction = operation === 'create' ? 'create' : 'update'
  if (operation === 'update' && context.isRestoringVersion) action = 'restore'
  else if (operation === 'update' && collection.versions?.drafts) {
    const now = doc._status === 'published'
    const was = previousDoc?._status === 'published'
    if (locale === 'all') action = everyLocale(req, 'unpublishAllLocales') ? 'unpublish' : 'publish'
    else if (now) action = 'publish'
    // A draft saved over a published text leaves it published; an unpublish does not.
    else if (was || liveBefore.get(req)?.get(liveKey(collection.slug, doc.id, locale))) action = (await isLive(req, collection.slug, doc.id, locale)) ? 'update' : 'unpublish'
  }
  if (action === 'update' && fields.length === 0) return doc
  const title = doc.slug ?? doc.filename ?? doc.id
  const verbs: Record<AuditAction, string> = {
    create: 'created',
    update: 'changed',
    publish: 'published',
    unpublish: 'unpublished',
    restore: 'restored a version of',
    delete: 'deleted',
    access: 'changed the access of',
    export: 'exported',
  }
  await recordAuditEvent(req, { action, target, locale, fields, summary: `${who} ${verbs[action]} ${collection.slug} "${String(title)}"${locale ? ` (${locale})` : ''}` })
  return doc
}

export const recordAuditAfterDelete: CollectionAfterDeleteHook = async ({ doc, req, collection, context }) => {
  if (context.seeding) return doc
  const who = staffOf(req)?.email ?? 'the system'
  await recordAuditEvent(req, { action: 'delete', target: `${collection.slug}/${doc.id}`, summary: `${who} deleted ${collection.slug} "${String(doc.slug ?? doc.email ?? doc.filename ?? doc.id)}"` })
  return doc
}
