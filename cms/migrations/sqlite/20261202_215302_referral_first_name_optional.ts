import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_referrals\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`first_name\` text,
  	\`phone\` text NOT NULL,
  	\`language\` text NOT NULL,
  	\`municipality_id\` integer NOT NULL,
  	\`baby_age_months\` numeric,
  	\`call_time\` text,
  	\`interpreter\` integer DEFAULT false,
  	\`note\` text,
  	\`consent\` integer DEFAULT false NOT NULL,
  	\`source\` text DEFAULT 'staff' NOT NULL,
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`taken_by_id\` integer,
  	\`taken_at\` text,
  	\`closed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`municipality_id\`) REFERENCES \`municipalities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`taken_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_referrals\`("id", "first_name", "phone", "language", "municipality_id", "baby_age_months", "call_time", "interpreter", "note", "consent", "source", "status", "taken_by_id", "taken_at", "closed_at", "updated_at", "created_at") SELECT "id", "first_name", "phone", "language", "municipality_id", "baby_age_months", "call_time", "interpreter", "note", "consent", "source", "status", "taken_by_id", "taken_at", "closed_at", "updated_at", "created_at" FROM \`referrals\`;`)
  await db.run(sql`DROP TABLE \`referrals\`;`)
  await db.run(sql`ALTER TABLE \`__new_referrals\` RENAME TO \`referrals\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`referrals_municipality_idx\` ON \`referrals\` (\`municipality_id\`);`)
  await db.run(sql`CREATE INDEX \`referrals_taken_by_idx\` ON \`referrals\` (\`taken_by_id\`);`)
  await db.run(sql`CREATE INDEX \`referrals_updated_at_idx\` ON \`referrals\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`referrals_created_at_idx\` ON \`referrals\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_referrals\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`first_name\` text NOT NULL,
  	\`phone\` text NOT NULL,
  	\`language\` text NOT NULL,
  	\`municipality_id\` integer NOT NULL,
  	\`baby_age_months\` numeric,
  	\`call_time\` text,
  	\`interpreter\` integer DEFAULT false,
  	\`note\` text,
  	\`consent\` integer DEFAULT false NOT NULL,
  	\`source\` text DEFAULT 'staff' NOT NULL,
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`taken_by_id\` integer,
  	\`taken_at\` text,
  	\`closed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`municipality_id\`) REFERENCES \`municipalities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`taken_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_referrals\`("id", "first_name", "phone", "language", "municipality_id", "baby_age_months", "call_time", "interpreter", "note", "consent", "source", "status", "taken_by_id", "taken_at", "closed_at", "updated_at", "created_at") SELECT "id", "first_name", "phone", "language", "municipality_id", "baby_age_months", "call_time", "interpreter", "note", "consent", "source", "status", "taken_by_id", "taken_at", "closed_at", "updated_at", "created_at" FROM \`referrals\`;`)
  await db.run(sql`DROP TABLE \`referrals\`;`)
  await db.run(sql`ALTER TABLE \`__new_referrals\` RENAME TO \`referrals\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`referrals_municipality_idx\` ON \`referrals\` (\`municipality_id\`);`)
  await db.run(sql`CREATE INDEX \`referrals_taken_by_idx\` ON \`referrals\` (\`taken_by_id\`);`)
  await db.run(sql`CREATE INDEX \`referrals_updated_at_idx\` ON \`referrals\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`referrals_created_at_idx\` ON \`referrals\` (\`created_at\`);`)
}
