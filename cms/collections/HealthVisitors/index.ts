/**
 * Health visitors: the people who meet the mothers at home and refer them, in under 30 seconds,
 * from their phone or tablet (cms/collections/Referrals/refer/). An account of its own kind, not
 * a staff role: a health visitor never opens the admin, sees no content and no inbox, only the
 * referral form and the status of the referrals she made. She stays signed in on her device for
 * a long time (90 days), which staff accounts do not.
 *
 * A coordinator adds the health visitors of her municipality; an admin adds any.
 */
import type { CollectionConfig } from 'payload'
import { healthVisitorAccess } from '../../access/roles.ts'
import { ownMunicipalitiesOnly } from './hooks/ownMunicipalitiesOnly.ts'

/** How long she stays signed in on one device, in seconds. */
export const healthVisitorSessionSeconds = 90 * 24 * 60 * 60

export const HealthVisitors: CollectionConfig = {
  slug: 'health-visitors',
  labels: { singular: { da: 'Sundhedsplejerske', en: 'Health visitor' }, plural: { da: 'Sundhedsplejersker', en: 'Health visitors' } },
  auth: {
    tokenExpiration: healthVisitorSessionSeconds,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
    cookies: { sameSite: 'Strict', secure: process.env.CMS_PUBLIC_URL?.startsWith('https:') ?? false },
  },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'municipalities'], group: 'Referrals' },
  access: healthVisitorAccess,
  hooks: { beforeChange: [ownMunicipalitiesOnly] },
  fields: [
    { name: 'name', type: 'text', maxLength: 80 },
    {
      name: 'municipalities',
      type: 'relationship',
      relationTo: 'municipalities',
      hasMany: true,
      required: true,
      saveToJWT: true,
      admin: { description: 'The municipalities whose mothers she may refer.' },
    },
  ],
}
