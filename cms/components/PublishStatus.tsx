/**
 * The live site's state for editors (under the navigation): updated when, publishing now, or the
 * last publish failed — with the error, and the reassurance that the live site was kept.
 */
import { readStatus } from '../publish/status.ts'

const time = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' })

export function PublishStatus() {
  const status = readStatus()
  if (!status) return null
  const busy = status.state !== 'idle'
  return (
    <div className="publish-status" role="status" data-state={status.state} data-failed={status.lastError ? 'true' : 'false'} style={{ fontSize: '0.85rem', margin: '0.75rem 0' }}>
      {busy && <p style={{ margin: 0 }}>Live site: publishing your changes…</p>}
      {!busy && status.lastSuccess && !status.lastError && (
        <p style={{ margin: 0 }}>
          Live site updated {time(status.lastSuccess.at)} ({status.lastSuccess.pages} pages).
        </p>
      )}
      {status.lastError && (
        <div style={{ color: '#8a1c1c', background: '#fbe0dd', padding: '0.5rem', borderRadius: 4 }}>
          <p style={{ margin: 0 }}>
            The last publish failed ({time(status.lastError.at)}). The live site is unchanged
            {status.lastSuccess ? ` since ${time(status.lastSuccess.at)}` : ''}. The next save tries again.
          </p>
          <details>
            <summary>Error</summary>
            <pre style={{ whiteSpace: 'pre-wrap', fontSize: '0.75rem' }}>{status.lastError.message}</pre>
          </details>
        </div>
      )}
    </div>
  )
}
