/** The CMS layer: one throwaway PostgreSQL server for the run; each test file makes its own database. */
import type { TestProject } from 'vitest/node'
import { startLocalPostgres } from '../../cms/local-postgres.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresPort: number
  }
}

export default function setup(project: TestProject) {
  const pg = startLocalPostgres(Number(process.env.TEST_POSTGRES_PORT ?? 54329))
  project.provide('postgresPort', pg.port)
  return () => pg.stop()
}
