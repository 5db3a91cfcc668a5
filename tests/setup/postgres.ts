/** The CMS and HTTP layers: one throwaway PostgreSQL server for the run; each test file makes its own database. */
import type { TestProject } from 'vitest/node'
import { startLocalPostgres } from '../../cms/local-postgres.ts'
import { shared } from './shared.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresPort: number
  }
}

export default async function setup(project: TestProject) {
  const pg = await shared(
    'postgres',
    () => startLocalPostgres(Number(process.env.TEST_POSTGRES_PORT ?? 54329)),
    (server) => server.stop(),
  )
  project.provide('postgresPort', pg.value.port)
  return () => pg.release()
}
