/**
 * Personal data at rest (a mother's first name, phone number, a note): each value is sealed with
 * AES-256-GCM under the current key before it reaches the database, and opened on read. A sealed
 * value names its key, so keys can be rotated (./keys.ts); it is bound to its field, so it cannot
 * be moved to another field; it cannot be changed without the change being found.
 *
 *   enc:v1:<key id>:<base64url(iv ‖ tag ‖ ciphertext)>
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { APIError } from 'payload'
import type { KeyRing } from './keys.ts'

const prefix = 'enc:v1:'
export const isSealed = (v: unknown): v is `enc:v1:${string}` => typeof v === 'string' && v.startsWith(prefix)

export function seal(keys: KeyRing, field: string, plain: string): string {
  const { id, key } = keys.current()
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(field))
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return `${prefix}${id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
}

/**
 * Public: the staff member who opens the inbox reads which key is missing (a server set up with
 * another key, a restore without the key file), not "Something went wrong". It names the field
 * and the key's id, never the value.
 */
export class SealError extends APIError {
  constructor(message: string) {
    super(message, 500, null, true)
  }
}

export function open(keys: KeyRing, field: string, sealed: string): string {
  const [id, data] = sealed.slice(prefix.length).split(':')
  const key = id ? keys.byId(id) : undefined
  if (!key || !data) throw new SealError(`${field}: sealed with key ${id ?? '?'}, which this server does not have (see "Personal data" in the README: the keys are not in the backup)`)
  const bytes = Buffer.from(data, 'base64url')
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12))
    decipher.setAAD(Buffer.from(field))
    decipher.setAuthTag(bytes.subarray(12, 28))
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
  } catch {
    throw new SealError(`${field}: the stored value was changed or belongs to another field; it cannot be read`)
  }
}
