/**
 * The live site's state for editors (under the navigation): updated when, publishing now, or the
 * last publish failed — with the error, and the reassurance that the live site was kept. The same
 * on every admin server: the last publish comes from the database, and "publishing" from the
 * database's publish lock as well as from this server's own publisher.
 */
import type { Payload } from 'payload'
import { adminLanguageOf } from '../adminLanguage.ts'
import { databaseUrl } from '../database.ts'
import { publishLockHeld } from '../publish/publishLock.ts'
import { combinedStatus, readRecord } from '../publish/record.ts'
import { readStatus } from '../publish/status.ts'

const text = {
  da: {
    busy: 'Det offentlige site: dine ændringer udgives…',
    updated: (at: string, pages: number) => `Det offentlige site blev opdateret ${at} (${pages} sider).`,
    failed: (at: string, since: string | undefined) =>
      `Den seneste udgivelse mislykkedes (${at}). Det offentlige site er uændret${since ? ` siden ${since}` : ''}. Næste gang der gemmes, prøves igen.`,
    error: 'Fejl',
  },
  en: {
    busy: 'Live site: publishing your changes…',
    updated: (at: string, pages: number) => `Live site updated ${at} (${pages} pages).`,
    failed: (at: string, since: string | undefined) => `The last publish failed (${at}). The live site is unchanged${since ? ` since ${since}` : ''}. The next save tries again.`,
    error: 'Error',
  },
}

export async function PublishStatus({ i18n, payload }: { i18n?: { language?: string }; payload: Payload }) {
  const [shared, elsewhere] = await Promise.all([readRecord(payload), publishLockHeld(payload, databaseUrl())])
  const status = combinedStatus(readStatus(), shared, elsewhere)
  if (!status) return null
  const lang = adminLanguageOf(i18n)
  const t = text[lang]
  const time = (iso: string) => new Date(iso).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' })
  const busy = status.state !== 'idle'
  return (
    <div className="publish-status" role="status" data-state={status.state} data-failed={status.lastError ? 'true' : 'false'} style={{ fontSize: '0.85rem', margin: '0.75rem 0' }}>
      {busy && <p style={{ margin: 0 }}>{t.busy}</p>}
      {!busy && status.lastSuccess && !status.lastError && <p style={{ margin: 0 }}>{t.updated(time(status.lastSuccess.at), status.lastSuccess.pages)}</p>}
      {status.lastError && (
        <div style={{ color: '#8a1c1c', background: '#fbe0dd', padding: '0.5rem', borderRadius: 4 }}>
          <p style={{ margin: 0 }}>{t.failed(time(status.lastError.at), status.lastSuccess ? time(status.lastSuccess.at) : undefined)}</p>
          <details>
            <summary>{t.error}</summary>
            <pre style={{ whiteSpace: 'pre-wrap', fontSize: '0.75rem' }}>{status.lastError.message}</pre>
          </details>
        </div>
      )}
    </div>
  )
}
