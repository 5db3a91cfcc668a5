/**
 * A page of our own in the admin (the translation dashboard, a translator's queue), in Payload's
 * frame: its navigation, header and margins.
 */
import type { AdminViewServerProps } from 'payload'
import type React from 'react'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { redirect } from 'next/navigation'
import { Gutter } from '@payloadcms/ui'

/** Staff only, before anything is read: a custom view is not behind the admin's login by itself. */
export function signedInOnly({ req }: AdminViewServerProps['initPageResult'], path: string): void {
  if (!req.user) redirect(`/admin/login?redirect=${encodeURIComponent(`/admin${path}`)}`)
}

export function AdminPage({ initPageResult, params, searchParams, children }: Pick<AdminViewServerProps, 'initPageResult' | 'params' | 'searchParams'> & { children: React.ReactNode }) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>{children}</Gutter>
    </DefaultTemplate>
  )
}
