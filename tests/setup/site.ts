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

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site built once from content/. */
    siteDir: string
  }
}

interface Shared {
  dir: Promise<string>
  parent: string
  users: number
}
const key = Symbol.for('modersmal.test.site')
const store = globalThis as unknown as Record<symbol, Shared | undefined>

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../..')
  let shared = store[key]
  if (!shared) {
    const parent = mkdtempSync(path.join(tmpdir(), 'modersmal-site-'))
    const dir = path.join(parent, 'dist')
    shared = store[key] = { parent, users: 0, dir: buildSite({ root, contentDir: path.join(root, 'content'), outDir: dir }).then(() => dir) }
  }
  shared.users++
  project.provide('siteDir', await shared.dir)
  return () => {
    if (--shared.users > 0) return
    rmSync(shared.parent, { recursive: true, force: true })
    store[key] = undefined
  }
}
