/**
 * The draft preview starts from a copy of content/: what the CMS does not hold (short codes, film
 * originals) comes from there. A live publish may be swapping content/ in at the same moment, one
 * collection folder at a time; copied then, a folder vanished mid-copy and the preview build
 * failed ("The draft cannot be previewed") whenever a save published and previewed at once. The
 * copy waits for the swap under the content lock, so it is always one whole export.
 */
import { cp, mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { withContentLock } from '../sync/contentSwap.ts'

export async function snapshotContent(contentDir: string, target: string): Promise<void> {
  await rm(target, { recursive: true, force: true })
  await mkdir(path.dirname(target), { recursive: true })
  await withContentLock(contentDir, () => cp(contentDir, target, { recursive: true }))
}
