/**
 * Indexes Payload does not make, for the two reads that grew with the catalogue (measured at 1,200
 * activities on SQLite):
 * - Each find reads a document's languages with a subquery on its `_locales` table by
 *   `_parent_id` alone; Payload indexes only (`_locale`, `_parent_id`), which cannot serve it, so
 *   every document read scanned the whole table (50 activities: 22 ms of SQL, 2.8 ms with it).
 * - The admin's list views read the latest versions in Payload's default order (newest first,
 *   then the version row's own time). Without an index in that order the database builds every
 *   document before sorting and keeping ten (80 ms, 1.2 ms with it); updatedAt is the other
 *   order editors sort by.
 * Added through the adapters' own schema hook, so `npm run migrate:create` writes them into the
 * migrations like any other index.
 */
import type { postgresAdapter } from '@payloadcms/db-postgres'
import { index as pgIndex } from '@payloadcms/db-postgres/drizzle/pg-core'
import type { sqliteAdapter } from '@payloadcms/db-sqlite'
import { index as sqliteIndex } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

type SQLiteSchemaHook = NonNullable<Parameters<typeof sqliteAdapter>[0]['afterSchemaInit']>[number]
type PostgresSchemaHook = NonNullable<Parameters<typeof postgresAdapter>[0]['afterSchemaInit']>[number]

/** PostgreSQL cuts longer names; a cut name could clash, so it is refused instead. */
const longestName = 63

interface WantedIndex {
  table: unknown
  name: string
  /** The table's keys (not the SQL names) of the columns, in order. */
  keys: string[]
}

function wantedIndexes(tables: Record<string, unknown>): WantedIndex[] {
  const wanted: WantedIndex[] = []
  const add = (tableName: string, table: unknown, suffix: string, columns: string[]) => {
    const byName = new Map(Object.entries(table as Record<string, { name?: string }>).map(([key, column]) => [column?.name, key]))
    const keys = columns.map((c) => byName.get(c))
    if (keys.some((k) => k === undefined)) return
    const name = `${tableName}_${suffix}_idx`
    if (name.length > longestName) throw new Error(`The index name ${name} is longer than ${longestName} characters; shorten the collection or field name.`)
    wanted.push({ table, name, keys: keys as string[] })
  }
  for (const [tableName, table] of Object.entries(tables)) {
    if (tableName.endsWith('_locales')) add(tableName, table, 'parent_id', ['_parent_id'])
    if (/^_.+_v$/.test(tableName)) {
      add(tableName, table, 'latest_created', ['latest', 'version_created_at', 'created_at'])
      add(tableName, table, 'latest_updated', ['latest', 'version_updated_at', 'created_at'])
    }
  }
  return wanted
}

// The hook hands each table's columns untyped; each dialect's index builder says what it takes.
const columns = <C extends unknown[]>(t: Record<string, unknown>, keys: string[]) => keys.map((k) => t[k]) as C

export const sqliteIndexes: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const { table, name, keys } of wantedIndexes(schema.tables)) {
    extendTable({
      table: table as Parameters<typeof extendTable>[0]['table'],
      extraConfig: (t) => ({ [name]: sqliteIndex(name).on(...columns<Parameters<ReturnType<typeof sqliteIndex>['on']>>(t, keys)) }),
    })
  }
  return schema
}

export const postgresIndexes: PostgresSchemaHook = ({ schema, extendTable }) => {
  for (const { table, name, keys } of wantedIndexes(schema.tables)) {
    extendTable({ table: table as Parameters<typeof extendTable>[0]['table'], extraConfig: (t) => ({ [name]: pgIndex(name).on(...columns<Parameters<ReturnType<typeof pgIndex>['on']>>(t, keys)) }) })
  }
  return schema
}
