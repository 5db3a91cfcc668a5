/**
 * The publisher's state, in a small JSON file the admin reads: whether a publish is running, the
 * last good one, and the last failure (with its message, for editors).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from '../paths.ts'

export interface PublishStatus {
  state: 'idle' | 'waiting' | 'publishing'
  /** The last publish that replaced the live site; `startedAt` tells which saves it includes. */
  lastSuccess?: { at: string; startedAt: string; seconds: number; pages: number; steps?: Record<string, number> }
  /** The last publish that failed; cleared by the next success. */
  lastError?: { at: string; startedAt: string; message: string }
}

export const statusFile = () => process.env.MODERSMAL_PUBLISH_STATUS ?? path.join(dataDir, 'publish-status.json')

export function readStatus(file = statusFile()): PublishStatus | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PublishStatus
  } catch {
    return null
  }
}

export function writeStatus(status: PublishStatus, file = statusFile()): void {
  mkdirSync(path.dirname(file), { recursive: true })
  // Write and rename: the admin never reads half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(status, null, 2))
  renameSync(`${file}.tmp`, file)
}
