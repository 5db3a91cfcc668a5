/**
 * The data folder holds the database, uploads and secrets, and soon mothers' names and phone
 * numbers: only the account that runs the CMS may read it. New folders and files are made so, and
 * an older install's are tightened.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs'

export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
}

/** Made empty when missing (SQLite then keeps its mode for the file and its -wal and -shm). */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600))
  chmodSync(file, 0o600)
}
