/**
 * Health visitors: the people who meet the mothers at home and refer them, in under 30 seconds,
 * from their phone or tablet (cms/collections/Referrals/refer/). An account of its own kind, not
 * a staff role: a health visitor never opens the admin, sees no content and no inbox, only the
 * referral form and the status of the referrals she made. She stays signed in on her device for
 * a long time (90 days), which staff accounts do not.
 *
 * A coordinator adds the health visitors of her municipality (an admin adds any) and sends her an
 * invitation to choose her own password (./invite.ts); she can ask for a new link herself.
 */
import type { CollectionConfig } from 'payload'
import { healthVisitorAccess } from '../../access/roles.ts'
import { ownMunicipalitiesOnly } from './hooks/ownMunicipalitiesOnly.ts'
import { ourPasswordLinkOnly } from './hooks/ourPasswordLinkOnly.ts'
import { passwordLinkDays } from '../Referrals/refer/pages.ts'
import { passwordMailHtml, passwordMailSubject } from './passwordMail.ts'
import { inviteEndpoint } from './invite.ts'

/** How long she stays signed in on one device, in seconds. */
export const healthVisitorSessionSeconds = 90 * 24 * 60 * 60

export const HealthVisitors: CollectionConfig = {
  slug: 'health-visitors',
  auth: {
    tokenExpiration: healthVisitorSessionSeconds,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
    cookies: { sameSite: 'Strict', secure: process.env.CMS_PUBLIC_URL?.startsWith('https:') ?? false },
    // Her invitation and a forgotten password: one link to choose it, on her own page (./passwordMail.ts).
    forgotPassword: { expiration: passwordLinkDays * 24 * 60 * 60 * 1000, generateEmailSubject: passwordMailSubject, generateEmailHTML: passwordMailHtml },
  },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'municipalities'], group: 'Referrals' },
  access: healthVisitorAccess,
  endpoints: [inviteEndpoint],
  hooks: { beforeOperation: [ourPasswordLinkOnly], beforeChange: [ownMunicipalitiesOnly] },
  fields: [
    { name: 'name', type: 'text', maxLength: 80 },
    {
      name: 'municipalities',
      type: 'relationship',
      relationTo: 'municipalities',
      hasMany: true,
      required: true,
      saveToJWT: true,
      admin: { description: { da: 'De kommuner, hvis mødre hun må henvise.', en: 'The municipalities whose mothers she may refer.' } },
    },
    // The invitation to choose her password (./invite.ts); nothing is stored in this field.
    { name: 'invitation', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/InviteHealthVisitor#InviteHealthVisitor' } } },
  ],
}
