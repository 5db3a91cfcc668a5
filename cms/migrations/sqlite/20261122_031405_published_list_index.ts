import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_createdAt_idx\` ON \`programmes\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_idx\` ON \`_programmes_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_createdAt_1_idx\` ON \`municipalities\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_1_idx\` ON \`_municipalities_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_createdAt_2_idx\` ON \`activities\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_2_idx\` ON \`_activities_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_createdAt_3_idx\` ON \`guides\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_3_idx\` ON \`_guides_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_createdAt_4_idx\` ON \`films\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_4_idx\` ON \`_films_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_createdAt_5_idx\` ON \`leaflets\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_5_idx\` ON \`_leaflets_v\` (\`version__status\`,\`version_created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_createdAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_createdAt_2_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_2_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_createdAt_3_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_3_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_createdAt_4_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_4_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_createdAt_5_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_createdAt_5_idx\`;`)
}
