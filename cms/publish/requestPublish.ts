/**
 * Tells the publisher (if one runs: `npm start` sets MODERSMAL_PUBLISH_URL) that published content
 * changed, and the draft preview (MODERSMAL_PREVIEW_PING) that anything changed; both URLs carry
 * the secret their server made. Fire and forget: the editor's save never waits for it. It is sent
 * when the save's transaction has ended (the hooks run inside it), so the publisher's export reads
 * the save.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

type Session = { resolve?: () => Promise<unknown>; reject?: () => Promise<unknown> }

/**
 * Resolves when the request's transaction has ended (committed, or rolled back), at once when it
 * has none (the admin's SQLite saves). Payload has no hook after its commit; its drizzle adapters
 * end a transaction through the session's resolve or reject, which return the transaction's end.
 */
async function afterCommit(req: PayloadRequest): Promise<void> {
  const id = await req.transactionID
  const session = id ? (req.payload.db.sessions?.[id] as Session | undefined) : undefined
  const { resolve, reject } = session ?? {}
  if (!session || typeof resolve !== 'function' || typeof reject !== 'function') return
  await new Promise<void>((ended) => {
    // A transaction left open for a minute is not waited for any longer.
    const late = setTimeout(ended, 60_000)
    const over = () => {
      clearTimeout(late)
      ended()
    }
    const then = (end: () => Promise<unknown>) => () => {
      const done = end()
      Promise.resolve(done).then(over, over)
      return done
    }
    session.resolve = then(resolve)
    session.reject = then(reject)
  })
}

function post(req: PayloadRequest, url: string | undefined): void {
  if (!url) return
  void afterCommit(req)
    .then(() => fetch(url, { method: 'POST' }))
    .catch(() => undefined)
}

const ping = (req: PayloadRequest) => post(req, process.env.MODERSMAL_PUBLISH_URL)
const previewPing = (req: PayloadRequest) => post(req, process.env.MODERSMAL_PREVIEW_PING)

/**
 * Only what the public site shows: a published version, or a document leaving publication (a
 * draft save changes nothing in public). Collections without drafts are public on every save.
 */
export const requestPublishAfterChange: CollectionAfterChangeHook = ({ doc, previousDoc, collection, req }) => {
  previewPing(req)
  if (!collection.versions?.drafts || doc?._status === 'published' || previousDoc?._status === 'published') ping(req)
  return doc
}

export const requestPublishAfterDelete: CollectionAfterDeleteHook = ({ doc, collection, req }) => {
  previewPing(req)
  if (!collection.versions?.drafts || doc?._status === 'published') ping(req)
  return doc
}
