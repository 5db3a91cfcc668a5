/**
 * Folders that a build or an export leaves while it works carry its process id (`…-<pid>-…`). When
 * that process died (killed mid-way), nobody will finish or remove them: these helpers do.
 */
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'

/** Whether a process with this id is alive (EPERM: it exists, but is someone else's). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes the entries of `dir` named `<prefix><pid>-…` whose process is dead; returns their names. */
export async function removeAbandoned(dir: string, prefix: string): Promise<string[]> {
  const removed: string[] = []
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(name.slice(prefix.length).split('-')[0])
    if (pid > 0 && pid !== process.pid && !alive(pid)) {
      await rm(path.join(dir, name), { recursive: true, force: true })
      removed.push(name)
    }
  }
  return removed
}
