/**
 * The live site's state for editors (under the navigation): updated when, publishing now, or the
 * last publish failed — with the error, and the reassurance that the live site was kept.
 */
import { adminLanguageOf } from '../adminLanguage.ts'
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

export function PublishStatus({ i18n }: { i18n?: { language?: string } }) {
  const status = readStatus()
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
