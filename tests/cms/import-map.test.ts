/**
 * The admin's import map is committed (cms/app/(payload)/admin/importMap.js), and a component the
 * config names that is missing from it leaves the admin a blank page with no error: the S3
 * adapter's upload provider did exactly that. The map must be what the config makes, with S3 on
 * or off (the adapter names its provider either way).
 */
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { generateImportMap } from 'payload'
import { describe, expect, it } from 'vitest'
import { createConfig } from '../../cms/config.ts'

const committed = path.resolve(import.meta.dirname, '../../cms/app/(payload)/admin/importMap.js')

describe("the admin's import map", () => {
  it('is the one the config makes (run `npx payload generate:importmap` after adding a component)', async () => {
    const config = await createConfig({ database: { url: 'file::memory:' } })
    // Beside the committed one, so that the relative imports come out the same.
    const fresh = path.join(path.dirname(committed), `importMap.check-${process.pid}.js`)
    config.admin.importMap.importMapFile = fresh
    try {
      await generateImportMap(config, { log: false, force: true })
      expect(await readFile(fresh, 'utf8')).toBe(await readFile(committed, 'utf8'))
    } finally {
      await rm(fresh, { force: true })
    }
  })
})
