/**
 * The draft preview takes from content/ what the CMS does not hold (the printed short codes and
 * the rest outside the collection folders), while a live publish may be swapping content/'s
 * collection folders in. Before the content lock, a folder vanished mid-copy about one full test
 * run in three, and the preview said "The draft cannot be previewed". Now the collection folders
 * are the preview's own (its export writes them), and never taken from content/: here exports
 * and snapshots run at once, many times over, and every snapshot must take the short codes whole
 * and leave the preview's own folders as they were. What a swap killed mid-way left is settled by
 * the next holder of the lock (tests/faults/killed.ts kills them for real).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentKinds } from '../../content/collections.ts'
import { loadContent } from '../../content/load.ts'
import { snapshotContent } from '../../cms/preview/snapshot.ts'
import { withContentLock } from '../../cms/sync/contentSwap.ts'
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

  it("takes what the CMS does not hold, whole, and keeps the preview's own collections, however a live publish's swap interleaves", async () => {
    const target = path.join(scratch, 'preview')
    await exportContent(cms.payload, target, { drafts: true })
    const own = async () => Promise.all(contentKinds.map(async (k) => `${k} ${(await stat(path.join(target, k))).ino}`))
    const before = await own()
    const codes = await readFile(path.join(content, 'shortcodes.yaml'), 'utf8')
    // A short code added in git since the last preview, and a file the preview had that content/ no longer has.
    await writeFile(path.join(content, 'shortcodes.yaml'), `${codes}# added\n`)
    await writeFile(path.join(target, 'gone.txt'), 'removed from content/')
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
      snapshots++
      try {
        await snapshotContent(content, target)
        expect(await readFile(path.join(target, 'shortcodes.yaml'), 'utf8')).toBe(`${codes}# added\n`)
        expect(await own()).toEqual(before)
        const set = await loadContent(target)
        expect(set.codes).toEqual(expected.codes)
        expect(set.activities.length).toBe(expected.activities.length)
      } catch (e) {
        failures.push((e as Error).message)
      }
    }
    await exports
    expect(failures).toEqual([])
    expect(snapshots).toBeGreaterThan(1)
    expect(await readdir(target)).not.toContain('gone.txt')
  })

  it('whoever takes the lock next undoes a swap that died before its mark, and finishes one that died after', async () => {
    // Process 999999 died mid-swap: activities already new, guides moved aside but not replaced.
    // Process 999998 died after its mark, while removing the folders it had replaced.
    const put = (dir: string, text: string) => mkdir(path.join(content, dir), { recursive: true }).then(() => writeFile(path.join(content, dir, 'x.yaml'), text))
    await rm(path.join(content, 'guides'), { recursive: true })
    await put('guides.old-999999', 'guides before')
    await put('activities.old-999999', 'activities before')
    await rm(path.join(content, 'activities'), { recursive: true })
    await put('activities', 'activities after')
    await put('films.old-999998', 'films replaced')
    await writeFile(path.join(path.dirname(content), `.${path.basename(content)}.swapped-999998`), '')
    await withContentLock(content, async () => {})
    expect((await readdir(content)).filter((n) => n.includes('.old-'))).toEqual([])
    expect(await readFile(path.join(content, 'activities', 'x.yaml'), 'utf8')).toBe('activities before')
    expect(await readdir(path.join(content, 'activities'))).toEqual(['x.yaml'])
    expect(await readFile(path.join(content, 'guides', 'x.yaml'), 'utf8')).toBe('guides before')
    expect(await readdir(path.dirname(content))).not.toContain(`.${path.basename(content)}.swapped-999998`)
  })
})
