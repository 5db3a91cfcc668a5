import { ValidationError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'
import { isAdmin, roles, staffOf } from '../../access/roles.ts'
import { targetLocaleCodes, getLocale } from '../../../locales/registry.ts'
import { optionsOf } from '../options.ts'
import { inAdminLanguage, languageLabel } from '../../adminLanguage.ts'

/**
 * Only an admin may give roles, languages or a municipality. Payload silently drops writes to
 * fields without update access, so the refusal is made here, with a message.
 */
const guardPrivilegeFields: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const actor = staffOf(req)
  if (!actor || actor.role === 'admin') return data
  const privileged = ['role', 'translatorLocales', 'municipality'] as const
  for (const field of privileged) {
    if (!(field in data)) continue
    const before = JSON.stringify(normalise(originalDoc?.[field]))
    const after = JSON.stringify(normalise(data[field]))
    if (operation === 'create' || before !== after) {
      throw new ValidationError({
        collection: 'users',
        errors: [
          { path: field, message: inAdminLanguage(req, { da: 'Kun en administrator kan ændre roller, sprog og kommuner.', en: 'Only an admin can change roles, languages and municipalities.' }) },
        ],
        req,
      })
    }
  }
  return data
}

const normalise = (v: unknown): unknown => {
  if (v && typeof v === 'object' && 'id' in (v as object)) return (v as { id: unknown }).id
  if (Array.isArray(v)) return [...v].sort()
  return v ?? null
}

export const Users: CollectionConfig = {
  slug: 'users',
  auth: {
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
    // Strict: no other site's link or form carries the login; other ports of this host are
    // shut out by the admin's origin list (cms/admin-origins.ts).
    cookies: { sameSite: 'Strict', secure: process.env.CMS_PUBLIC_URL?.startsWith('https:') ?? false },
  },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'role'], group: 'Admin' },
  access: {
    create: isAdmin,
    delete: isAdmin,
    read: ({ req }) => {
      const user = staffOf(req)
      if (!user) return false
      return user.role === 'admin' ? true : { id: { equals: user.id } }
    },
    update: ({ req }) => {
      const user = staffOf(req)
      if (!user) return false
      return user.role === 'admin' ? true : { id: { equals: user.id } }
    },
    admin: ({ req }) => !!staffOf(req)?.role,
    // Payload lets any signed-in user unlock any account (GHSA-jg8r-5jh2-v2xj, no fixed release):
    // a translator could lift the lock on the admin's account after every ten guesses.
    unlock: isAdmin,
  },
  hooks: { beforeChange: [guardPrivilegeFields] },
  fields: [
    { name: 'name', type: 'text' },
    { name: 'role', type: 'select', options: optionsOf(roles), required: true, defaultValue: 'editor', saveToJWT: true },
    {
      // Not named `locales`: that collides with Payload's own *_locales tables.
      name: 'translatorLocales',
      type: 'select',
      hasMany: true,
      saveToJWT: true,
      options: targetLocaleCodes.map((code) => ({ value: code, label: languageLabel(getLocale(code)) })),
      admin: { condition: (data) => data?.role === 'translator', description: { da: 'De sprog, denne oversætter må skrive.', en: 'The languages this translator may write.' } },
      validate: (value: unknown, { siblingData }: { siblingData: { role?: string } }) =>
        siblingData?.role !== 'translator' || (Array.isArray(value) && value.length > 0) ? true : 'A translator needs at least one language.',
    },
    {
      name: 'municipality',
      type: 'relationship',
      relationTo: 'municipalities',
      saveToJWT: true,
      admin: {
        condition: (data) => data?.role === 'coordinator',
        description: { da: 'Den ene kommune, denne koordinator holder opdateret.', en: 'The one municipality this coordinator keeps current.' },
      },
      validate: (value: unknown, { siblingData }: { siblingData: { role?: string } }) => (siblingData?.role !== 'coordinator' || value ? true : 'A coordinator needs a municipality.'),
    },
  ],
}
