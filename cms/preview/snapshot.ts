/**
 * The draft preview's content folder holds what the CMS does not (the printed short codes, and
 * whatever else of content/ lies outside the collection folders), copied from content/ before each
 * preview build. Its collection folders are the preview's own: its export writes them, the first
 * time whole, after that only the drafts saved since (cms/sync/exportChanges.ts). Copying
 * content/'s collection folders too would undo that, and a live publish swaps exactly those in,
 * one at a time; so they are never copied, and the rest is copied under the content lock.
 */
import { cp, mkdir, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { contentKinds } from '../../content/collections.ts'
import { withContentLock } from '../sync/contentSwap.ts'

const collections = new Set<string>(contentKinds)

export async function snapshotContent(contentDir: string, target: string): Promise<void> {
  await mkdir(target, { recursive: true })
  for (const entry of await readdir(target)) if (!collections.has(entry)) await rm(path.join(target, entry), { recursive: true, force: true })
  await withContentLock(contentDir, async () => {
    // No swap's folder aside (`activities.old-<pid>`) is left: taking the lock settled them.
    for (const entry of await readdir(contentDir)) if (!collections.has(entry)) await cp(path.join(contentDir, entry), path.join(target, entry), { recursive: true })
  })
}
