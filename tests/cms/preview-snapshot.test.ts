/**
 * The draft preview copies content/ while a live publish may be swapping it in. Before the content
 * lock, a collection folder vanished mid-copy about one full test run in three, and the preview
 * said "The draft cannot be previewed". Here exports and snapshots run at once, many times over:
 * every snapshot must succeed and be one whole, valid content set.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../content/load.ts'
import { snapshotContent } from '../../cms/preview/snapshot.ts'
import { exportContent } from '../../cms/sync/export.ts'
import { seedContent } from '../../cms/sync/seed.ts'
import { startTestCms, type TestCms } from '../support/cms.ts'
import { copyOfContent } from '../support/content.ts'

describe("the draft preview's snapshot of content/", () => {
  let cms: TestCms
  let content: string
  let scratch: string

  beforeAll(async () => {
    cms = await startTestCms('sqlite', 'snapshot')
    content = await copyOfContent()
    scratch = await mkdtemp(path.join(tmpdir(), 'modersmal-snapshot-'))
    await seedContent(cms.payload, content)
  })
  afterAll(async () => {
    await cms?.close()
    await rm(content, { recursive: true, force: true })
    await rm(scratch, { recursive: true, force: true })
  })

  it("is always one whole export, however the copy and a live publish's swap interleave", async () => {
    const expected = await loadContent(content)
    let exporting = true
    const exports = (async () => {
      try {
        for (let i = 0; i < 4; i++) await exportContent(cms.payload, content)
      } finally {
        exporting = false
      }
    })()
    const failures: string[] = []
    let snapshots = 0
    while (exporting) {
      const target = path.join(scratch, `s${snapshots++}`)
      try {
        await snapshotContent(content, target)
        const set = await loadContent(target)
        expect(set.activities.length).toBe(expected.activities.length)
        expect(set.municipalities.length).toBe(expected.municipalities.length)
      } catch (e) {
        failures.push((e as Error).message)
      }
      await rm(target, { recursive: true, force: true })
    }
    await exports
    expect(failures).toEqual([])
    expect(snapshots).toBeGreaterThan(1)
  })

  it('an export clears what a killed export left in content/, and nothing of a live one', async () => {
    // Process 999999 is gone; pid 1 is alive and may still be swapping.
    for (const left of ['activities.old-999999', 'guides.old-999999', 'guides.old-1']) await mkdir(path.join(content, left))
    await exportContent(cms.payload, content)
    const names = await readdir(content)
    expect(names.filter((n) => n.includes('.old-'))).toEqual(['guides.old-1'])
    await rm(path.join(content, 'guides.old-1'), { recursive: true })
  })
})
