/**
 * Imports follow the data flow: content/ (the format) knows neither the CMS nor the site; the
 * site's build knows nothing of the CMS; the admin rebuilds when anything it imports changes.
 * Imports are followed as a bundler sees them (cms/import-graph.ts), not matched as text.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { adminSources } from '../../cms/admin-server.ts'
import { filesReached } from '../../cms/import-graph.ts'

const root = path.resolve(import.meta.dirname, '../..')

/** Every file of ours that the modules of a folder reach. */
const reached = (dir: string): string[] =>
  filesReached(
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
      .map((f) => path.join(root, dir, f)),
  ).map((f) => path.relative(root, f))

const topFolder = (f: string) => f.split(path.sep)[0]

describe('imports follow the data flow', () => {
  it('content/ reaches only content/ and the locale registry', () => {
    expect([...new Set(reached('content').map(topFolder))].sort()).toEqual(['content', 'locales'])
  })

  it('system/ (what the machine must have) and locales/ reach nothing else of ours', () => {
    expect([...new Set(reached('system').map(topFolder))]).toEqual(['system'])
    expect([...new Set(reached('locales').map(topFolder))]).toEqual(['locales'])
  })

  it('scripts/ holds entry points only: nothing outside it imports from it', () => {
    const importers = ['bench', 'cms', 'content', 'site', 'system', 'tests'].flatMap(reached).filter((f) => topFolder(f) === 'scripts')
    expect([...new Set(importers)]).toEqual([])
  })

  it('browser code (site/client/) reaches no Node built-in, no server package and nothing of the build', () => {
    const files = [...new Set(reached(path.join('site', 'client')))]
    const serverOnly = /from\s+['"](node:|sharp|payload|astro|pagefind|esbuild|playwright-core|yaml)/
    expect(files.filter((f) => serverOnly.test(readFileSync(path.join(root, f), 'utf8')))).toEqual([])
    expect(files.filter((f) => f.startsWith(path.join('site', 'build')) || topFolder(f) === 'cms')).toEqual([])
  })

  it("the site's build step and pages never reach the CMS", () => {
    expect(reached('site').filter((f) => topFolder(f) === 'cms')).toEqual([])
  })

  it("the admin's rebuild hash covers what the admin imports: its code, the URL scheme, the schema and the lock file", () => {
    const sources = adminSources().map((f) => path.relative(root, f))
    expect(sources).toEqual(expect.arrayContaining(['cms/payload.config.ts', 'cms/preview/paths.ts', 'content/urls.ts', 'content/schema/index.ts', 'locales/registry.ts', 'package-lock.json']))
    // Not the content itself, nor build output.
    expect(sources.filter((f) => f.endsWith('.yaml') || f.includes('.next'))).toEqual([])
  })
})
