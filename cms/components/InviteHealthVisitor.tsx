'use client'
/**
 * On a health visitor's account in the admin: "Send invitation", the e-mail that lets her choose
 * her own password and sign in on her phone (cms/collections/HealthVisitors/invite.ts, which
 * checks who may). Before the account is saved there is nobody to invite yet.
 */
import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'
import { callEndpoint } from './callEndpoint.ts'

const text = {
  da: {
    heading: 'Invitation',
    before: 'Gem kontoen først; så kan du sende hende en invitation til at vælge sin egen adgangskode.',
    intro: 'Hun får en e-mail med et link til at vælge sin egen adgangskode. Send den igen, hvis hun ikke har fået den.',
    send: 'Send invitation',
    sending: 'Sender …',
  },
  en: {
    heading: 'Invitation',
    before: 'Save the account first; then you can send her an invitation to choose her own password.',
    intro: 'She gets an e-mail with a link to choose her own password. Send it again if she did not get it.',
    send: 'Send invitation',
    sending: 'Sending …',
  },
}

export function InviteHealthVisitor() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [said, setSaid] = useState<{ ok: boolean; message: string }>()
  const t = text[i18n.language === 'en' ? 'en' : 'da']

  const send = async () => {
    setBusy(true)
    setSaid(undefined)
    const url = `${config.serverURL}${config.routes.api}/health-visitors/${encodeURIComponent(String(id))}/invite`
    setSaid(await callEndpoint(url, 'POST'))
    setBusy(false)
  }

  return (
    <section aria-labelledby="invitation-heading" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '0.75rem', marginBottom: '1rem' }}>
      <h4 id="invitation-heading" style={{ marginTop: 0 }}>
        {t.heading}
      </h4>
      {id === undefined || id === null ? (
        <p>{t.before}</p>
      ) : (
        <>
          <p>{t.intro}</p>
          <button type="button" onClick={send} disabled={busy} style={{ font: 'inherit', padding: '0.4rem 0.8rem', borderRadius: 4, cursor: 'pointer' }}>
            {busy ? t.sending : t.send}
          </button>
          {said && <p role={said.ok ? 'status' : 'alert'}>{said.message}</p>}
        </>
      )}
    </section>
  )
}
