/**
 * Tells the publisher (if one runs: `npm start` sets MODERSMAL_PUBLISH_URL) that published content
 * changed. Fire and forget, after the response: the editor's save never waits for it, and the
 * publisher's debounce lets the save's transaction commit before it exports.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

function ping(): void {
  const url = process.env.MODERSMAL_PUBLISH_URL
  if (!url) return
  setTimeout(() => void fetch(url, { method: 'POST' }).catch(() => undefined), 0)
}

/**
 * Only what the public site shows: a published version, or a document leaving publication (a
 * draft save changes nothing in public). Collections without drafts are public on every save.
 */
export const requestPublishAfterChange: CollectionAfterChangeHook = ({ doc, previousDoc, collection }) => {
  if (!collection.versions?.drafts || doc?._status === 'published' || previousDoc?._status === 'published') ping()
  return doc
}

export const requestPublishAfterDelete: CollectionAfterDeleteHook = ({ doc, collection }) => {
  if (!collection.versions?.drafts || doc?._status === 'published') ping()
  return doc
}
