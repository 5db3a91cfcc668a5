import path from 'node:path'
import { dataDir } from '../paths.ts'

/** Where the draft preview keeps its content, its site and its build status: beside the data, never public. */
export function previewDirs(root = process.env.MODERSMAL_PREVIEW_DIR ?? path.join(dataDir, 'preview')) {
  const dir = path.resolve(root)
  return { root: dir, content: path.join(dir, 'content'), site: path.join(dir, 'site'), status: path.join(dir, 'status.json') }
}
