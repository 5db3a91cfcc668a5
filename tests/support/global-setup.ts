import type { TestProject } from 'vitest/node'
import { startLocalPostgres, type LocalPostgres } from '../../cms/local-postgres.ts'

let pg: LocalPostgres | undefined

declare module 'vitest' {
  export interface ProvidedContext {
    postgresPort: number
  }
}

/** One throwaway PostgreSQL server for the whole run; each test file creates its own database. */
export default function setup(project: TestProject) {
  pg = startLocalPostgres(Number(process.env.TEST_POSTGRES_PORT ?? 54329))
  project.provide('postgresPort', pg.port)
  return () => pg?.stop()
}
