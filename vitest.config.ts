import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 120_000,
    // Browser tests poll for what a page shows; a busy two-core CI machine needs more than 1 s.
    expect: { poll: { timeout: 20_000 } },
    hookTimeout: 300_000,
    // Two cores in CI: one file per core keeps PostgreSQL, Payload and Astro builds from starving.
    maxWorkers: 2,
    pool: 'forks',
  },
})
