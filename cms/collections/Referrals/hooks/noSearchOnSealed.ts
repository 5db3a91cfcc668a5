import type { CollectionBeforeOperationHook } from 'payload'
import { Refused } from '../../../errors.ts'
import { inAdminLanguage } from '../../../adminLanguage.ts'

const sealed = ['firstName', 'phone', 'note']

/** Every key a where clause names, at any depth (and/or, nested paths). */
const namesIn = (where: unknown): string[] =>
  where && typeof where === 'object' ? Object.entries(where).flatMap(([k, v]) => [k.split('.')[0]!, ...(Array.isArray(v) ? v.flatMap(namesIn) : namesIn(v))]) : []

/**
 * The sealed fields hold ciphertext: a filter or sort on them would compare ciphertexts, which
 * finds nothing and orders by noise, and a "like" probe would learn the lengths. Refused plainly.
 */
export const noSearchOnSealed: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!['read', 'count', 'update', 'delete'].includes(operation)) return args
  const { where, sort } = args as { where?: unknown; sort?: string | string[] }
  const sorts = (Array.isArray(sort) ? sort : sort ? String(sort).split(',') : []).map((s) => s.replace(/^-/, ''))
  const named = [...namesIn(where), ...sorts].filter((n) => sealed.includes(n))
  if (named.length) {
    const fields = [...new Set(named)].join(', ')
    throw new Refused(
      inAdminLanguage(req, { da: `Henvisninger kan ikke søges eller sorteres efter ${fields}: de er krypterede.`, en: `Referrals cannot be searched or sorted by ${fields}: they are encrypted.` }),
      400,
    )
  }
  return args
}
