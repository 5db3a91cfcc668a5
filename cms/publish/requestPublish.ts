/**
 * Tells the publisher (if one runs: `npm start` sets MODERSMAL_PUBLISH_URL) that published content
 * changed, and the draft preview (MODERSMAL_PREVIEW_PING) that anything changed; both URLs carry
 * the secret their server made. Fire and forget,
 * after the response: the editor's save never waits for it, and the publisher's debounce lets the
 * save's transaction commit before it exports.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

function post(url: string | undefined): void {
  if (!url) return
  setTimeout(() => void fetch(url, { method: 'POST' }).catch(() => undefined), 0)
}

const ping = () => post(process.env.MODERSMAL_PUBLISH_URL)
const previewPing = () => post(process.env.MODERSMAL_PREVIEW_PING)

/**
 * Only what the public site shows: a published version, or a document leaving publication (a
 * draft save changes nothing in public). Collections without drafts are public on every save.
 */
export const requestPublishAfterChange: CollectionAfterChangeHook = ({ doc, previousDoc, collection }) => {
  previewPing()
  if (!collection.versions?.drafts || doc?._status === 'published' || previousDoc?._status === 'published') ping()
  return doc
}

export const requestPublishAfterDelete: CollectionAfterDeleteHook = ({ doc, collection }) => {
  previewPing()
  if (!collection.versions?.drafts || doc?._status === 'published') ping()
  return doc
}
