import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`videos\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`CREATE INDEX \`videos_updated_at_idx\` ON \`videos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`videos_created_at_idx\` ON \`videos\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`videos_filename_idx\` ON \`videos\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`films_chapters\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`start\` numeric,
  	\`label\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`films_chapters_order_idx\` ON \`films_chapters\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`films_chapters_parent_id_idx\` ON \`films_chapters\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_films_v_version_chapters\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`start\` numeric,
  	\`label\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_films_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_films_v_version_chapters_order_idx\` ON \`_films_v_version_chapters\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_chapters_parent_id_idx\` ON \`_films_v_version_chapters\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`films\` ADD \`video_id\` integer REFERENCES videos(id);`)
  await db.run(sql`CREATE INDEX \`films_video_idx\` ON \`films\` (\`video_id\`);`)
  await db.run(sql`ALTER TABLE \`_films_v\` ADD \`version_video_id\` integer REFERENCES videos(id);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_video_idx\` ON \`_films_v\` (\`version_video_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`videos_id\` integer REFERENCES videos(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_videos_id_idx\` ON \`payload_locked_documents_rels\` (\`videos_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`videos\`;`)
  await db.run(sql`DROP TABLE \`films_chapters\`;`)
  await db.run(sql`DROP TABLE \`_films_v_version_chapters\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_films\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`duration_seconds\` numeric,
  	\`poster_id\` integer,
  	\`source_updated\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_films\`("id", "slug", "duration_seconds", "poster_id", "source_updated", "updated_at", "created_at", "_status") SELECT "id", "slug", "duration_seconds", "poster_id", "source_updated", "updated_at", "created_at", "_status" FROM \`films\`;`)
  await db.run(sql`DROP TABLE \`films\`;`)
  await db.run(sql`ALTER TABLE \`__new_films\` RENAME TO \`films\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`films_slug_idx\` ON \`films\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`films_poster_idx\` ON \`films\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`films_updated_at_idx\` ON \`films\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`films_created_at_idx\` ON \`films\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`films__status_idx\` ON \`films\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_createdAt_4_idx\` ON \`films\` (\`_status\`,\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__films_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_duration_seconds\` numeric,
  	\`version_poster_id\` integer,
  	\`version_source_updated\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__films_v\`("id", "parent_id", "version_slug", "version_duration_seconds", "version_poster_id", "version_source_updated", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_slug", "version_duration_seconds", "version_poster_id", "version_source_updated", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_films_v\`;`)
  await db.run(sql`DROP TABLE \`_films_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__films_v\` RENAME TO \`_films_v\`;`)
  await db.run(sql`CREATE INDEX \`_films_v_parent_idx\` ON \`_films_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_slug_idx\` ON \`_films_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_poster_idx\` ON \`_films_v\` (\`version_poster_id\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_updated_at_idx\` ON \`_films_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version_created_at_idx\` ON \`_films_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_version_version__status_idx\` ON \`_films_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_created_at_idx\` ON \`_films_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_updated_at_idx\` ON \`_films_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_snapshot_idx\` ON \`_films_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_published_locale_idx\` ON \`_films_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_films_v_latest_idx\` ON \`_films_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_createdAt_4_idx\` ON \`_films_v\` (\`version__status\`,\`version_created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`media_id\` integer,
  	\`programmes_id\` integer,
  	\`municipalities_id\` integer,
  	\`activities_id\` integer,
  	\`guides_id\` integer,
  	\`films_id\` integer,
  	\`leaflets_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`programmes_id\`) REFERENCES \`programmes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`municipalities_id\`) REFERENCES \`municipalities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`activities_id\`) REFERENCES \`activities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`films_id\`) REFERENCES \`films\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaflets_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "media_id", "programmes_id", "municipalities_id", "activities_id", "guides_id", "films_id", "leaflets_id") SELECT "id", "order", "parent_id", "path", "users_id", "media_id", "programmes_id", "municipalities_id", "activities_id", "guides_id", "films_id", "leaflets_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_programmes_id_idx\` ON \`payload_locked_documents_rels\` (\`programmes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_municipalities_id_idx\` ON \`payload_locked_documents_rels\` (\`municipalities_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_activities_id_idx\` ON \`payload_locked_documents_rels\` (\`activities_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_guides_id_idx\` ON \`payload_locked_documents_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_films_id_idx\` ON \`payload_locked_documents_rels\` (\`films_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_leaflets_id_idx\` ON \`payload_locked_documents_rels\` (\`leaflets_id\`);`)
}
