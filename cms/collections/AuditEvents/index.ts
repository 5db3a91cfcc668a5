import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../access/roles.ts'
import { Refused } from '../../errors.ts'
import { auditActions } from './actions.ts'
import { optionsOf } from '../options.ts'
import { inAdminLanguage } from '../../adminLanguage.ts'

/**
 * Who did what to which document and language, and every change to a person's role, languages
 * or municipality (Payload's versions record no author). Written by the hooks in
 * cms/hooks/recordAudit.ts in the same transaction as the change; read by admins; never changed or
 * deleted, not even by an admin: the migration add_audit_events makes the database refuse it too.
 * It names fields, never their values (save for staff access), so it holds no personal data.
 */
export const AuditEvents: CollectionConfig = {
  slug: 'audit-events',
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['at', 'actorEmail', 'action', 'target', 'locale', 'summary'],
    group: 'Admin',
    description: {
      da: 'Kan kun skrives til: hvem der oprettede, ændrede, udgav, afpublicerede eller slettede hvad.',
      en: 'Append-only: who created, changed, published, unpublished or deleted what.',
    },
  },
  // Nobody edits an event, so nothing to lock.
  lockDocuments: false,
  access: { read: isAdmin, create: () => false, update: () => false, delete: () => false },
  hooks: {
    beforeChange: [
      ({ operation, req }) => {
        if (operation !== 'create')
          throw new Refused(inAdminLanguage(req, { da: 'Loggen kan kun skrives til: en logpost kan ikke ændres.', en: 'The audit log is append-only: an event cannot be changed.' }), 403)
      },
    ],
    beforeDelete: [
      ({ req }) => {
        throw new Refused(inAdminLanguage(req, { da: 'Loggen kan kun skrives til: en logpost kan ikke slettes.', en: 'The audit log is append-only: an event cannot be deleted.' }), 403)
      },
    ],
  },
  // The order they happened in.
  defaultSort: '-at',
  fields: [
    { name: 'at', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    // The account's id and address as they were, not a relation: an account's deletion must not
    // change (or be blocked by) the record of what it did.
    { name: 'actorId', type: 'text', admin: { description: { da: 'Tom for systemet (en import).', en: 'Empty for the system (an import).' } } },
    { name: 'actorEmail', type: 'text' },
    { name: 'actorRole', type: 'text' },
    { name: 'action', type: 'select', options: optionsOf(auditActions), required: true, index: true },
    { name: 'target', type: 'text', required: true, index: true, admin: { description: { da: 'samling/id', en: 'collection/id' } } },
    { name: 'locale', type: 'text' },
    { name: 'fields', type: 'json', admin: { description: { da: 'De felter, der blev ændret (kun navnene).', en: 'The fields that changed (names only).' } } },
    { name: 'access', type: 'json', admin: { description: { da: 'For en person: rolle, sprog og kommune før og efter.', en: 'For a person: role, languages and municipality before and after.' } } },
    { name: 'summary', type: 'text', required: true },
  ],
}
