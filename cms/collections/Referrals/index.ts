/**
 * A mother's "yes, the group may call me": who she is (first name, phone, language), where (the
 * municipality whose group she may join), and how the group takes it on. The shared inbox of a
 * municipality: every coordinator of it sees it, never one person's mailbox.
 *
 * Personal data: the first name, phone and note are sealed before they reach the database
 * (cms/privacy/), cannot be searched or sorted on, have no versions, and never leave the CMS:
 * referrals are not content (no export, no site, no XLIFF).
 */
import { ValidationError, type CollectionConfig, type Field, type FieldHook, type PayloadRequest } from 'payload'
import { localeCodes, locales } from '../../../locales/registry.ts'
import { referralAccess, referralPersonalData } from '../../access/roles.ts'
import { isSealed, open, seal } from '../../privacy/fieldCipher.ts'
import type { KeyRing } from '../../privacy/keys.ts'
import { inAdminLanguage, languageLabel, type Bilingual } from '../../adminLanguage.ts'
import { ownMunicipalityOnly } from './hooks/ownMunicipalityOnly.ts'
import { noSearchOnSealed } from './hooks/noSearchOnSealed.ts'
import { stampStatusChanges } from './hooks/stampStatusChanges.ts'
import { referralStatuses } from './statuses.ts'
import { askLimits, isPhoneNumber } from '../../../content/ask.ts'
import { askEndpoint } from './ask/endpoint.ts'
import { referEndpoints } from './refer/endpoint.ts'
import { personEndpoints } from './person/endpoint.ts'
import { statusKey } from './refer/pages.ts'
import { referText } from './refer/strings.ts'
import { notifyInbox } from './notifyInbox.ts'
import { healthVisitorReferral } from './hooks/healthVisitorReferral.ts'

export const sealedFields = ['firstName', 'phone', 'note'] as const

export function referrals(keys: KeyRing): CollectionConfig {
  /**
   * A text field sealed on save. Payload validates a field after its beforeChange hooks, when the
   * value is already ciphertext, so the plain text is checked here, before it is sealed.
   */
  const sealedText = (
    name: (typeof sealedFields)[number],
    type: 'text' | 'textarea',
    opts: { required?: boolean | ((data: { source?: string }) => boolean); maxLength: number; check?: (plain: string) => Bilingual | true },
  ): Field => {
    const aad = `referrals.${name}`
    const sealOnSave: FieldHook = ({ value, req }) => {
      if (typeof value !== 'string' || value === '') return value
      // A sealed value sent back (the admin's form holds the stored one) must be ours and whole.
      if (isSealed(value)) {
        try {
          open(keys, aad, value)
        } catch (e) {
          throw new ValidationError({ collection: 'referrals', errors: [{ path: name, message: (e as Error).message }] })
        }
        return value
      }
      const problem = value.length > opts.maxLength ? { da: `er længere end ${opts.maxLength} tegn`, en: `is longer than ${opts.maxLength} characters` } : (opts.check?.(value) ?? true)
      if (problem !== true) throw new ValidationError({ collection: 'referrals', errors: [{ path: name, message: inAdminLanguage(req, problem) }] })
      return seal(keys, aad, value)
    }
    const openOnRead: FieldHook = ({ value }) => (isSealed(value) ? open(keys, aad, value) : value)
    return {
      name,
      type,
      required: opts.required === true,
      access: { read: referralPersonalData },
      hooks: { beforeChange: [sealOnSave], afterRead: [openOnRead] },
      validate: (v: unknown, { siblingData, req }: { siblingData: { source?: string }; req: PayloadRequest }) => {
        const required = typeof opts.required === 'function' ? opts.required(siblingData ?? {}) : opts.required
        return !required || (typeof v === 'string' && v.trim() !== '') ? true : inAdminLanguage(req, { da: 'skal udfyldes', en: 'is required' })
      },
    } as Field
  }
  const phone = (v: string) => isPhoneNumber(v) || { da: 'skal være et telefonnummer: 8 cifre, eller + og landekoden', en: 'must be a phone number: 8 digits, or + and the country code' }

  return {
    slug: 'referrals',
    admin: { useAsTitle: 'firstName', defaultColumns: ['firstName', 'language', 'municipality', 'status', 'createdAt'], group: 'Referrals' },
    access: referralAccess,
    endpoints: [askEndpoint(), ...referEndpoints, ...personEndpoints],
    hooks: { beforeOperation: [noSearchOnSealed], beforeChange: [healthVisitorReferral, ownMunicipalityOnly, stampStatusChanges], afterChange: [notifyInbox()] },
    fields: [
      // Staff and health visitors give her first name; a mother asking herself may leave it out.
      sealedText('firstName', 'text', { required: (data) => data.source !== 'mother', maxLength: askLimits.firstName }),
      sealedText('phone', 'text', { required: true, maxLength: 30, check: phone }),
      {
        name: 'language',
        type: 'select',
        required: true,
        options: locales.map((l) => ({ value: l.code, label: languageLabel(l) })),
        validate: (v: unknown, { req }: { req: PayloadRequest }) =>
          (localeCodes as string[]).includes(String(v)) || inAdminLanguage(req, { da: 'er ikke et af vores sprog', en: 'is not one of our languages' }),
      },
      { name: 'municipality', type: 'relationship', relationTo: 'municipalities', required: true },
      { name: 'babyAgeMonths', type: 'number', min: 0, max: 36 },
      {
        name: 'callTime',
        type: 'text',
        maxLength: 80,
        access: { read: referralPersonalData },
        admin: { description: { da: 'Et godt tidspunkt at ringe, med hendes ord.', en: 'A good time to call, in her words.' } },
      },
      { name: 'interpreter', type: 'checkbox', defaultValue: false },
      sealedText('note', 'textarea', { maxLength: 500 }),
      {
        name: 'consent',
        type: 'checkbox',
        required: true,
        validate: (v: unknown, { req }: { req: PayloadRequest }) =>
          v === true ||
          inAdminLanguage(req, {
            da: 'hun skal have sagt ja til at blive ringet op: hendes navn, telefon og sprog gives kun videre, når hun har sagt ja',
            en: 'she must have said yes to being called: the name, phone and language are passed on only then',
          }),
      },
      { name: 'source', type: 'select', required: true, defaultValue: 'staff', options: ['health-visitor', 'mother', 'staff'] },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'new',
        options: referralStatuses.map((value) => ({ value, label: { da: referText('da', statusKey[value]), en: referText('en', statusKey[value]) } })),
      },
      {
        name: 'referredBy',
        type: 'relationship',
        relationTo: 'health-visitors',
        admin: { readOnly: true, description: { da: 'Sundhedsplejersken, der henviste hende, hvis en gjorde.', en: 'The health visitor who referred her, if one did.' } },
      },
      { name: 'takenBy', type: 'relationship', relationTo: 'users', access: { read: referralPersonalData }, admin: { readOnly: true } },
      { name: 'takenAt', type: 'date', admin: { readOnly: true } },
      { name: 'closedAt', type: 'date', admin: { readOnly: true } },
      // Export and delete on her request (./person/); nothing is stored in this field.
      { name: 'herRights', type: 'ui', admin: { position: 'sidebar', components: { Field: '/components/PersonData#PersonData' } } },
    ],
  }
}
