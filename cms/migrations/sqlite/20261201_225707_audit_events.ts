import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`audit_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`actor_id\` text,
  	\`actor_email\` text,
  	\`actor_role\` text,
  	\`action\` text NOT NULL,
  	\`target\` text NOT NULL,
  	\`locale\` text,
  	\`fields\` text,
  	\`access\` text,
  	\`summary\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_events_at_idx\` ON \`audit_events\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_action_idx\` ON \`audit_events\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_target_idx\` ON \`audit_events\` (\`target\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_updated_at_idx\` ON \`audit_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_created_at_idx\` ON \`audit_events\` (\`created_at\`);`)
  // Append-only in the database too, whoever connects: no event is changed or removed.
  await db.run(sql`CREATE TRIGGER \`audit_events_no_update\` BEFORE UPDATE ON \`audit_events\` BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;`)
  await db.run(sql`CREATE TRIGGER \`audit_events_no_delete\` BEFORE DELETE ON \`audit_events\` BEGIN SELECT RAISE(ABORT, 'The audit log is append-only'); END;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`audit_events\`;`)
}
