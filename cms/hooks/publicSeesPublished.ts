/**
 * What a reader who is not signed in gets from the API: the published text only, in every form of
 * the question. Status is per language, but a read filters on `_status` as one condition, so:
 *
 * - `?draft=true` is ignored for her (beforeOperation): the latest versions hold unpublished
 *   drafts, and Payload would answer from them once one language of the document is published;
 *   related documents are populated the same way, since they follow the request's draft flag;
 * - with `locale=all` she gets only the languages that are published (afterRead): the stored
 *   document also keeps the text of languages unpublished since.
 *
 * Versions are staff-only by access (`readVersions`).
 */
import type { CollectionAfterReadHook, CollectionBeforeOperationHook } from 'payload'
import { staffOf } from '../access/roles.ts'
import { onlyLocales, publishedLocales } from '../publish/localeStatus.ts'

/** A read made for someone outside the staff, not by our own code (the export reads with overrideAccess). */
const publicRead = 'modersmalPublicRead'

export const ignoreDraftsForPublic: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || staffOf(req) || (args as { overrideAccess?: boolean }).overrideAccess) return args
  req.context[publicRead] = true
  return (args as { draft?: boolean }).draft ? { ...args, draft: false } : args
}

export const onlyPublishedLocalesForPublic: CollectionAfterReadHook = ({ doc, req, collection }) => {
  if (!req.context[publicRead] || req.locale !== 'all' || !doc || typeof doc._status !== 'object' || doc._status === null) return doc
  return onlyLocales(collection.fields, doc as Record<string, unknown>, new Set(publishedLocales(doc as Record<string, unknown>)))
}
