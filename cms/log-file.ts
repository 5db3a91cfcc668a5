/**
 * A process's log on disk, under data/logs/: rotated at 5 MB, the last five kept (admin.log,
 * admin.log.1 … admin.log.5), readable by the owner only. What the admin writes there must never
 * hold a mother's name or number: logs are kept longer than personal data may be.
 */
import path from 'node:path'
import { createStream, type RotatingFileStream } from 'rotating-file-stream'
import { ensurePrivateDir } from './private-files.ts'

export function logFile(dir: string, name: string, opts: { size?: string; keep?: number } = {}): RotatingFileStream {
  ensurePrivateDir(dir)
  const stream = createStream(name, { path: dir, size: opts.size ?? '5M', rotate: opts.keep ?? 5, mode: 0o600 })
  // A full disk must not end the process that writes the log: it is said once on the console.
  let warned = false
  stream.on('error', (e) => {
    if (!warned) console.error(`Cannot write ${path.join(dir, name)}: ${e.message}`)
    warned = true
  })
  return stream
}
