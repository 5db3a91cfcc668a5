import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { startLocalPostgres, type LocalPostgres } from '../../cms/local-postgres.ts'
import { buildSite } from '../../site/build/build-site.ts'
import { ensureAdminBuilt } from '../../cms/admin-server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresPort: number
    /** The site built once from content/, for tests that only read it. */
    siteDir: string
  }
}

/**
 * One throwaway PostgreSQL server for the whole run (each test file creates its own database),
 * and one build of the site from content/.
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../..')
  const pg: LocalPostgres = startLocalPostgres(Number(process.env.TEST_POSTGRES_PORT ?? 54329))
  const siteParent = mkdtempSync(path.join(tmpdir(), 'modersmal-site-'))
  const siteDir = path.join(siteParent, 'dist')
  try {
    // Once, before any test file runs: two files building the admin at once would clash.
    ensureAdminBuilt(() => {})
    await buildSite({ root, contentDir: path.join(root, 'content'), outDir: siteDir })
  } catch (e) {
    pg.stop()
    throw e
  }
  project.provide('postgresPort', pg.port)
  project.provide('siteDir', siteDir)
  return () => {
    pg.stop()
    rmSync(siteParent, { recursive: true, force: true })
  }
}
