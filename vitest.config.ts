import { defineConfig } from 'vitest/config'

/**
 * Tests in layers, each with only the set-up it needs (`--project <name>` runs one):
 * - unit: pure rules (content format, locales, site helpers, XLIFF, the import graph); nothing started;
 * - cms: Payload on SQLite and on a real PostgreSQL;
 * - build: the site, its print products and film media, built for real; the commands themselves
 *   (each loads the CMS or the build, seconds apiece);
 * - faults: commands killed mid-way, a full disk, a read-only folder, a locked database; real
 *   processes, real mounts, both databases;
 * - http: the admin's production server (behind its gate) asked over HTTP, on SQLite and PostgreSQL;
 * - browser: real Chromium against the built site and the admin's production server.
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    // Browser tests poll for what a page shows; a busy two-core CI machine needs more than 1 s.
    expect: { poll: { timeout: 20_000 } },
    hookTimeout: 300_000,
    // Two cores in CI: one file per core keeps PostgreSQL, Payload and Astro builds from starving.
    maxWorkers: 2,
    pool: 'forks',
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'tests/content/**/*.test.ts',
            'tests/locales/**/*.test.ts',
            'tests/architecture/**/*.test.ts',
            'tests/site/plan.test.ts',
            'tests/site/quick-index.test.ts',
            'tests/site/ui-keys.test.ts',
            'tests/cms/field-walk.test.ts',
            'tests/cms/inbox-mail.test.ts',
            'tests/cms/overdue.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'cms',
          include: ['tests/cms/**/*.test.ts'],
          exclude: ['tests/cms/field-walk.test.ts', 'tests/cms/inbox-mail.test.ts', 'tests/cms/overdue.test.ts'],
          globalSetup: ['tests/setup/postgres.ts'],
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/site/**/*.test.ts', 'tests/leaflets/**/*.test.ts', 'tests/films/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          exclude: ['tests/site/plan.test.ts', 'tests/site/ui-keys.test.ts'],
          globalSetup: ['tests/setup/site.ts'],
        },
      },
      { test: { name: 'faults', include: ['tests/faults/**/*.test.ts'], globalSetup: ['tests/setup/postgres.ts', 'tests/setup/site.ts', 'tests/setup/admin.ts'] } },
      { test: { name: 'http', include: ['tests/http/**/*.test.ts'], globalSetup: ['tests/setup/postgres.ts', 'tests/setup/admin.ts'] } },
      { test: { name: 'browser', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/setup/postgres.ts', 'tests/setup/site.ts', 'tests/setup/admin.ts'], setupFiles: ['tests/setup/csp.ts'] } },
    ],
  },
})
