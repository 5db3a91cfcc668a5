import type { CollectionBeforeOperationHook } from 'payload'
import { Refused } from '../../../errors.ts'

const sealed = ['firstName', 'phone', 'note']

/** Every key a where clause names, at any depth (and/or, nested paths). */
const namesIn = (where: unknown): string[] =>
  where && typeof where === 'object' ? Object.entries(where).flatMap(([k, v]) => [k.split('.')[0]!, ...(Array.isArray(v) ? v.flatMap(namesIn) : namesIn(v))]) : []

/**
 * The sealed fields hold ciphertext: a filter or sort on them would compare ciphertexts, which
 * finds nothing and orders by noise, and a "like" probe would learn the lengths. Refused plainly.
 */
export const noSearchOnSealed: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (!['read', 'count', 'update', 'delete'].includes(operation)) return args
  const { where, sort } = args as { where?: unknown; sort?: string | string[] }
  const sorts = (Array.isArray(sort) ? sort : sort ? String(sort).split(',') : []).map((s) => s.replace(/^-/, ''))
  const named = [...namesIn(where), ...sorts].filter((n) => sealed.includes(n))
  if (named.length) throw new Refused(`Referrals cannot be searched or sorted by ${[...new Set(named)].join(', ')}: they are encrypted.`, 400)
  return args
}
