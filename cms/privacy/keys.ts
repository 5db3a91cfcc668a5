/**
 * The keys that seal personal data (./fieldCipher.ts). From MODERSMAL_PERSONAL_DATA_KEYS
 * (base64 keys of 32 bytes, comma-separated, the first one current), or else from the file
 * <data>/keys/personal-data.keys (one per line, the first current), made with one new key on
 * first use, readable by the CMS's account only. The backup does not hold it: an archive alone
 * reveals no phone number. Rotation: put a new key first, keep the old ones after it until every
 * value is sealed anew (each save reseals), then remove them.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ensurePrivateDir } from '../private-files.ts'

export interface KeyRing {
  current(): { id: string; key: Buffer }
  byId(id: string): Buffer | undefined
}

export const keysFileOf = (dataDir: string) => path.join(dataDir, 'keys', 'personal-data.keys')

const idOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8)

function parse(text: string, from: string): Buffer[] {
  const keys = text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => Buffer.from(l, 'base64'))
  if (keys.length === 0) throw new Error(`${from} holds no key.`)
  for (const k of keys) if (k.length !== 32) throw new Error(`${from}: each key must be 32 bytes in base64 (openssl rand -base64 32); one is ${k.length} bytes.`)
  return keys
}

/** Read when first needed, so that commands which never touch personal data make no key file. */
export function keyRing(dataDir: string, env: Record<string, string | undefined> = process.env): KeyRing {
  let keys: Buffer[] | undefined
  const read = (): Buffer[] => {
    const fromEnv = env.MODERSMAL_PERSONAL_DATA_KEYS
    if (fromEnv) return parse(fromEnv, 'MODERSMAL_PERSONAL_DATA_KEYS')
    const file = keysFileOf(dataDir)
    if (!existsSync(file)) {
      ensurePrivateDir(path.dirname(file))
      try {
        writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
      } catch (e) {
        // Another process (the admin, a command) made it a moment ago: use that one.
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      }
    }
    return parse(readFileSync(file, 'utf8'), file)
  }
  const load = () => {
    keys ??= read()
    return keys
  }
  return {
    current: () => {
      const key = load()[0]!
      return { id: idOf(key), key }
    },
    byId: (id) => load().find((k) => idOf(k) === id),
  }
}
