/**
 * Killed mid-way, for real: each command is run in its own process and ends by SIGKILL at a named
 * point (system/crash-points.ts), the way a power cut or the OOM killer ends it: no handler runs.
 * On both databases, what is left must be whole: the database as before the killed command, content/
 * as before the killed export (never a collection missing or half the collections new), the live
 * site as it was served. And the next run of the same command goes through and leaves nothing behind.
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentKinds } from '../../content/collections.ts'
import { withContentLock } from '../../cms/sync/contentSwap.ts'
import { exportContent } from '../../cms/sync/export.ts'
import { exportXliff } from '../../cms/sync/xliff.ts'
import { buildsDirOf, currentBuild } from '../../site/build/swap.ts'
import type { DatabaseKind } from '../../cms/database.ts'
import { startTestCms, type TestCms } from '../support/cms.ts'
import { repoRoot, runCommand, type Ran } from '../support/command.ts'
import { copyOfContent, readTree, repoContent } from '../support/content.ts'
import { serveLiveSite, type LiveSite } from '../support/live-site.ts'
import { editTargets } from '../support/xliff.ts'

/** A folder as file → digest: whole trees compared, and a difference named by its file. */
async function digests(root: string, only?: string[]): Promise<Record<string, string>> {
  const tree = await readTree(root, only)
  return Object.fromEntries([...tree].sort(([a], [b]) => a.localeCompare(b)).map(([f, bytes]) => [f, createHash('sha256').update(bytes).digest('hex').slice(0, 16)]))
}

const expectKilled = (ran: Ran) => expect(ran.signal, `${ran.out}\n${ran.err}`).toBe('SIGKILL')
const expectDone = (ran: Ran) => expect(ran.code, `${ran.out}\n${ran.err}`).toBe(0)

/** The suite for one database; one file each, so that the two run side by side. */
export const killedMidWay = (kind: DatabaseKind) =>
  describe(`killed mid-way, on ${kind}`, () => {
    let cms: TestCms
    let work: string
    let content: string
    let env: Record<string, string>
    const run = (script: string, args: string[] = [], crashAt?: string) => runCommand(script, args, { ...env, ...(crashAt ? { MODERSMAL_CRASH_AT: crashAt } : {}) })
    const babymassage = async () => (await cms.payload.find({ collection: 'activities', where: { slug: { equals: 'babymassage' } }, overrideAccess: true, depth: 0 })).docs[0]!
    /** Every activity in every language, drafts included: what an import may change. */
    const activities = async () => (await cms.payload.find({ collection: 'activities', locale: 'all', draft: true, depth: 0, pagination: false, overrideAccess: true, sort: 'slug' })).docs

    beforeAll(async () => {
      cms = await startTestCms(kind, 'faults_killed')
      work = await mkdtemp(path.join(tmpdir(), 'modersmal-killed-'))
      content = await copyOfContent()
      env = { DATABASE_URL: cms.url, MODERSMAL_DATA_DIR: cms.dataDir, MODERSMAL_CONTENT_DIR: content }
    })
    afterAll(async () => {
      await cms?.close()
      for (const dir of [work, content]) if (dir) await rm(dir, { recursive: true, force: true })
    })

    it('a seed killed after 40 writes leaves the database empty, and the next seed loads all of content/', async () => {
      expectKilled(await run('scripts/seed.ts', [], 'seed:write#40'))
      for (const collection of [...contentKinds, 'videos'] as const) expect(await cms.payload.count({ collection, overrideAccess: true }), collection).toEqual({ totalDocs: 0 })

      expectDone(await run('scripts/seed.ts'))
      // Uploads the killed seed had stored must not shift the names of the new ones (IMG-1.jpg).
      await exportContent(cms.payload, path.join(work, 'seeded'))
      expect(await digests(path.join(work, 'seeded'), [...contentKinds])).toEqual(await digests(repoContent, [...contentKinds]))
    })

    it('an export killed before or during the swap leaves content/ as it was; the next one replaces it whole', async () => {
      await cms.payload.update({ collection: 'activities', id: (await babymassage()).id, locale: 'da', data: { title: 'Babymassage om formiddagen', _status: 'published' }, overrideAccess: true })
      const before = await digests(content)
      const killedPids: number[] = []
      // After the new tree is written aside; after three of the collection folders were swapped in.
      for (const point of ['export:staged', 'export:swap#3']) {
        const killed = await run('scripts/export.ts', [], point)
        expectKilled(killed)
        killedPids.push(killed.pid)
        // What the next reader sees: the draft preview's snapshot takes the same lock.
        expect(await withContentLock(content, () => digests(content)), point).toEqual(before)
      }

      expectDone(await run('scripts/export.ts'))
      const after = await digests(content)
      const changed = Object.keys(after).filter((f) => after[f] !== before[f])
      expect(changed).toEqual(['activities/babymassage.yaml'])
      expect(Object.keys(after)).toEqual(Object.keys(before))
      // Nothing left of the killed exports: no folder moved aside, no staged tree, no mark.
      const parent = await readdir(path.dirname(content))
      const leftovers = [
        ...(await readdir(content)).filter((f) => f.includes('.old-')),
        ...parent.filter((f) => killedPids.some((pid) => f.startsWith(`.content-export-${pid}-`) || f.endsWith(`swapped-${pid}`))),
      ]
      expect(leftovers).toEqual([])
    })

    it('an XLIFF import killed after its second write changes nothing; run again, it imports every unit', async () => {
      const { xml } = await exportXliff(cms.payload, { locale: 'so', collections: ['activities'] })
      const file = path.join(work, 'so.xlf')
      await writeFile(file, await editTargets(xml!, (u) => `[so] ${u.source}`))
      const before = await activities()

      expectKilled(await run('scripts/xliff-import.ts', [file, '--status', 'machine'], 'import:write#2'))
      expect(await activities()).toEqual(before)

      expectDone(await run('scripts/xliff-import.ts', [file, '--status', 'machine']))
      const somali = await cms.payload.findByID({ collection: 'activities', id: (await babymassage()).id, locale: 'so', fallbackLocale: false, draft: true, depth: 0, overrideAccess: true })
      expect(somali.title).toBe('[so] Babymassage om formiddagen')
    })

    // The build reads content/, never the database: once is enough (the export in it is proven
    // above), on SQLite, whose half of the suite is the quicker.
    if (kind === 'sqlite') {
      describe('a publish killed after its build, just before the swap', () => {
        let dist: string
        let live: LiveSite
        const page = (p: string) => live.page(p)

        beforeAll(async () => {
          // The live site, as the last publish left it.
          live = await serveLiveSite(work)
          dist = live.dist
          env = { ...env, MODERSMAL_DIST_DIR: dist }
        })
        afterAll(async () => live?.close())

        it('keeps the live site served as it was; the next publish swaps in and clears what the killed one left', async () => {
          const served = await currentBuild(dist)
          const before = await page('/da/activities/babymassage/')
          expect(before).not.toContain('Babymassage om formiddagen')

          const killed = await run('scripts/publish-once.ts', [], 'build:staged')
          expectKilled(killed)
          expect(await currentBuild(dist)).toBe(served)
          expect(await page('/da/activities/babymassage/')).toBe(before)
          const staged = path.join(repoRoot, '.astro', 'builds')
          expect((await readdir(staged)).filter((f) => f.startsWith(`${killed.pid}-`))).not.toEqual([])

          expectDone(await run('scripts/publish-once.ts'))
          expect(await page('/da/activities/babymassage/')).toContain('Babymassage om formiddagen')
          expect((await readdir(staged)).filter((f) => f.startsWith(`${killed.pid}-`))).toEqual([])
          // Beside the served build, at most the one it replaced, kept as the next build's spare.
          expect((await readdir(buildsDirOf(dist))).filter((f) => f !== 'spare')).toEqual([path.basename((await currentBuild(dist))!)])
        })
      })
    }
  })
