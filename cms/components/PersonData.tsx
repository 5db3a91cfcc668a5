'use client'
/**
 * On a referral in the admin: the mother's rights, when she asks. "Export" downloads everything
 * kept about her (all her referrals in this inbox) as a file to hand to her; "Delete" removes all
 * of it, after a second, explicit click. Both are the endpoints of
 * cms/collections/Referrals/person/, which check who may; this only offers them.
 */
import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { callEndpoint } from './callEndpoint.ts'

const text = {
  da: {
    heading: 'Hvis hun beder om det',
    intro: 'Alt, vi har om hende, er hendes henvisninger med samme telefonnummer.',
    export: 'Hent alt om hende (fil)',
    erase: 'Slet alt om hende',
    confirm: 'Slet nu: alle hendes henvisninger, også de andre',
    cancel: 'Fortryd',
    failed: 'Intet er slettet:',
  },
  en: {
    heading: 'If she asks',
    intro: 'All we keep about her is her referrals with the same phone number.',
    export: 'Download everything about her (file)',
    erase: 'Delete everything about her',
    confirm: 'Delete now: all her referrals, the others too',
    cancel: 'Cancel',
    failed: 'Nothing was deleted:',
  },
}

const button = { font: 'inherit', padding: '0.4rem 0.8rem', borderRadius: 4, cursor: 'pointer' }

export function PersonData() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const router = useRouter()
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<string>()
  if (id === undefined || id === null) return null
  const t = text[i18n.language === 'en' ? 'en' : 'da']
  const url = `${config.serverURL}${config.routes.api}/referrals/${encodeURIComponent(String(id))}/person`

  const erase = async () => {
    setProblem(undefined)
    const { ok, message } = await callEndpoint(url, 'DELETE')
    if (ok) {
      router.push(`${config.routes.admin}/collections/referrals`)
      return
    }
    setProblem(`${t.failed} ${message}`)
    setConfirming(false)
  }

  return (
    <section aria-labelledby="person-data-heading" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '0.75rem', marginBottom: '1rem' }}>
      <h4 id="person-data-heading" style={{ marginTop: 0 }}>
        {t.heading}
      </h4>
      <p>{t.intro}</p>
      <p>
        <a href={url} download>
          {t.export}
        </a>
      </p>
      {confirming ? (
        <p style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
          <button type="button" onClick={erase} style={{ ...button, background: '#b00020', color: '#fff', border: 0 }}>
            {t.confirm}
          </button>
          <button type="button" onClick={() => setConfirming(false)} style={button}>
            {t.cancel}
          </button>
        </p>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} style={button}>
          {t.erase}
        </button>
      )}
      {problem && <p role="alert">{problem}</p>}
    </section>
  )
}
