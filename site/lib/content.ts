/** The site's one read of content/: loaded and validated once per build. */
import path from 'node:path'
import { loadContent, type ContentSet } from '../../content/load.ts'

let cached: Promise<ContentSet> | undefined

export function getContent(): Promise<ContentSet> {
  cached ??= loadContent(path.resolve(process.env.MODERSMAL_CONTENT_DIR ?? 'content'))
  return cached
}
