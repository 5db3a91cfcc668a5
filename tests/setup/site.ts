/**
 * The build and browser layers: the site built once from content/, for tests that only read it.
 * Both projects list this set-up; global set-ups all run in Vitest's main process, so the build is
 * shared through globalThis and removed when the last project is done.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildSite } from '../../site/build/build-site.ts'
import { shared } from './shared.ts'

/**
 * The admin the built site's "call me" form posts to (site/lib/ask.ts), as in production; the
 * browser test of that form (tests/e2e/ask.test.ts) runs its admin here. Nothing else listens.
 */
export const siteCmsUrl = 'http://127.0.0.1:4969'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site built once from content/. */
    siteDir: string
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../..')
  const site = await shared(
    'site',
    async () => {
      const parent = mkdtempSync(path.join(tmpdir(), 'modersmal-site-'))
      // Only for this build: test workers forked later must not inherit it.
      process.env.SITE_CMS_URL = siteCmsUrl
      try {
        await buildSite({ root, contentDir: path.join(root, 'content'), outDir: path.join(parent, 'dist') })
      } finally {
        delete process.env.SITE_CMS_URL
      }
      return parent
    },
    (parent) => rmSync(parent, { recursive: true, force: true }),
  )
  project.provide('siteDir', path.join(site.value, 'dist'))
  return () => site.release()
}
