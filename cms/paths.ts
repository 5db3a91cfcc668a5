import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The repository root, whichever directory a command runs from. Inside the built admin this
 * module lives in a bundle, so `npm start` (and the tests) pass MODERSMAL_ROOT explicitly.
 */
export const repoRoot = process.env.MODERSMAL_ROOT ? path.resolve(process.env.MODERSMAL_ROOT) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Database file and uploaded files; gitignored. `MODERSMAL_DATA_DIR` moves it (tests use temp dirs). */
export const dataDir = path.resolve(repoRoot, process.env.MODERSMAL_DATA_DIR ?? 'data')

export const contentDir = path.resolve(repoRoot, process.env.MODERSMAL_CONTENT_DIR ?? 'content')
