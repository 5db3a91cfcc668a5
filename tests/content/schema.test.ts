import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ContentError, loadContent } from '../../content/load.ts'
import { copyOfContent, repoContent } from '../support/content.ts'

async function problemsOf(root: string): Promise<string[]> {
  try {
    await loadContent(root)
  } catch (e) {
    if (e instanceof ContentError) return e.problems
    throw e
  }
  return []
}

describe('content/ schema', () => {
  let dir: string | undefined
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
    dir = undefined
  })

  const edit = async (file: string, change: (text: string) => string) => {
    dir ??= await copyOfContent()
    const p = path.join(dir, file)
    await writeFile(p, change(await readFile(p, 'utf8')))
    return dir
  }

  it('the committed content is valid and complete enough to launch', async () => {
    const set = await loadContent(repoContent)
    expect(set.municipalities).toHaveLength(8)
    expect(set.activities.length).toBeGreaterThanOrEqual(40)
    expect(set.activities.filter((a) => a.title.en).length).toBe(set.activities.length)
    expect(set.activities.filter((a) => a.title.ar).length).toBeGreaterThanOrEqual(10)
    expect(set.guides.length).toBeGreaterThanOrEqual(12)
    expect(set.guides.filter((g) => g.body.ar).length).toBeGreaterThanOrEqual(4)
    expect(set.leaflets.length).toBeGreaterThanOrEqual(1)
    expect(set.films.length).toBeGreaterThanOrEqual(1)
  })

  it('marks every translation we wrote ourselves as machine/unreviewed', async () => {
    const set = await loadContent(repoContent)
    const all = [...set.activities, ...set.guides, ...set.municipalities, ...set.programmes, ...set.films, ...set.leaflets]
    for (const doc of all) {
      for (const status of Object.values(doc.translationStatus ?? {})) expect(status, doc.slug).toBe('machine')
    }
  })

  it('names the file, the field and the problem for a wrong value', async () => {
    const root = await edit('activities/babymassage.yaml', (t) => t.replace(/^durationMinutes: .*$/m, 'durationMinutes: lang tid'))
    expect(await problemsOf(root)).toEqual([expect.stringMatching(/^activities\/babymassage\.yaml: durationMinutes: .*number/)])
  })

  it('rejects an unknown locale by name', async () => {
    const root = await edit('activities/babymassage.yaml', (t) => t.replace(/^title:\n/m, 'title:\n  xx: Ukendt sprog\n'))
    const problems = await problemsOf(root)
    expect(problems.some((p) => p.startsWith('activities/babymassage.yaml: title.xx: unknown locale "xx"'))).toBe(true)
  })

  it('requires the Danish source text', async () => {
    const root = await edit('activities/babymassage.yaml', (t) => t.replace(/^(summary:\n) {2}da: .*\n/m, '$1'))
    expect(await problemsOf(root)).toContain('activities/babymassage.yaml: summary.da: the Danish source text is required')
  })

  it('requires a translation status for every translated locale', async () => {
    const root = await edit('activities/babymassage.yaml', (t) => t.replace(/^translationStatus:\n( {2}.*\n)+/m, ''))
    expect((await problemsOf(root)).some((p) => /translationStatus: locale "en" has text but no translation status/.test(p))).toBe(true)
  })

  it('reports a broken reference with the missing slug', async () => {
    const root = await edit('municipalities/aarhus.yaml', (t) => t.replace(/^programme: .*$/m, 'programme: findes-ikke'))
    expect(await problemsOf(root)).toContain('municipalities/aarhus.yaml: programme: refers to programmes "findes-ikke", which does not exist')
  })

  it('reports YAML syntax errors with the file', async () => {
    const root = await edit('guides/breastfeeding.yaml', (t) => `${t}\n  : [ broken\n`)
    const problems = await problemsOf(root)
    expect(problems[0]).toMatch(/^guides\/breastfeeding\.yaml: YAML syntax: /)
  })

  it('refuses a slug that a page of the site already uses', async () => {
    dir = await copyOfContent()
    const text = await readFile(path.join(dir, 'activities/babymassage.yaml'), 'utf8')
    await writeFile(path.join(dir, 'activities/plan.yaml'), text.replace(/^slug: babymassage$/m, 'slug: plan'))
    expect(await problemsOf(dir)).toContain('activities/plan.yaml: slug "plan" is taken by a page of the site (reserved: plan)')
  })

  it('rejects a file whose name does not match its slug, and reused short codes', async () => {
    dir = await copyOfContent()
    const text = await readFile(path.join(dir, 'municipalities/vejle.yaml'), 'utf8')
    await writeFile(path.join(dir, 'municipalities/vejle-kopi.yaml'), text.replace(/^slug: vejle$/m, 'slug: vejle-kopi'))
    await writeFile(path.join(dir, 'municipalities/forkert.yaml'), text.replace(/^shortCode: .*$/m, 'shortCode: ZZZ'))
    const problems = await problemsOf(dir)
    expect(problems).toContain('municipalities/forkert.yaml: slug: "vejle" does not match the file name (expected vejle.yaml)')
    expect(
      problems.some((p) => /^municipalities\/vejle\.yaml: shortCode: "VEJ" is already used by vejle-kopi|^municipalities\/vejle-kopi\.yaml: shortCode: "VEJ" is already used by vejle/.test(p)),
    ).toBe(true)
  })

  it('refuses a reissued short code and a code whose municipality is gone', async () => {
    const root = await edit(
      'shortcodes.yaml',
      (t) => `${t}- code: AARAR\n  municipality: AAR\n  locale: ar\n  issued: "2027-01-01"\n- code: ZZZAR\n  municipality: ZZZ\n  locale: ar\n  issued: "2027-01-01"\n`,
    )
    const problems = await problemsOf(root)
    expect(problems).toContain('shortcodes.yaml: code AARAR: is issued twice; a code is never reused')
    expect(problems.some((p) => p.startsWith('shortcodes.yaml: code ZZZAR: municipality ZZZ does not exist'))).toBe(true)
  })

  it("refuses film chapters after the film's end or out of order, naming the file and the chapter", async () => {
    const root = await edit('films/om-moedregrupperne.yaml', (t) => t.replace('  - start: 35\n', '  - start: 12\n').replace('  - start: 80\n', '  - start: 95\n'))
    // (The leaflet that shows the film then also says its film is gone.)
    expect((await problemsOf(root)).filter((p) => p.startsWith('films/'))).toEqual([
      'films/om-moedregrupperne.yaml: chapters.2.start: starts at 12 s, not after the chapter before it (17 s); list chapters in order',
      'films/om-moedregrupperne.yaml: chapters.3.start: starts at 95 s, which is not inside the film (90 s long)',
    ])
  })

  it('takes chapter labels from the closed list of label keys only', async () => {
    const root = await edit('films/om-moedregrupperne.yaml', (t) => t.replace('label: chapter.where', 'label: Hvor vi mødes'))
    expect((await problemsOf(root)).filter((p) => p.startsWith('films/'))).toEqual([expect.stringMatching(/^films\/om-moedregrupperne\.yaml: chapters\.1\.label: .*"chapter\.where"/)])
  })

  it("names a film's video file that is missing from films/files/", async () => {
    const root = await edit('films/om-moedregrupperne.yaml', (t) => t.replace('poster: film-plakat\n', 'poster: film-plakat\nvideo: findes-ikke.mp4\n'))
    expect(await problemsOf(root)).toEqual(['films/om-moedregrupperne.yaml: video: films/files/findes-ikke.mp4 does not exist'])
  })

  it('collects every problem in one error instead of stopping at the first', async () => {
    await edit('activities/babymassage.yaml', (t) => t.replace(/^groupPhase: .*$/m, 'groupPhase: sometimes'))
    const root = await edit('films/om-moedregrupperne.yaml', (t) => t.replace(/^durationSeconds: .*$/m, 'durationSeconds: -1'))
    const problems = await problemsOf(root)
    expect(problems.some((p) => p.startsWith('activities/babymassage.yaml: groupPhase:'))).toBe(true)
    expect(problems.some((p) => p.startsWith('films/om-moedregrupperne.yaml: durationSeconds:'))).toBe(true)
  })

  it('claims no review on demonstration text: nobody has checked the committed guides', async () => {
    const set = await loadContent(repoContent)
    expect(set.guides.filter((g) => g.lastReviewed || g.reviewerRole).map((g) => g.slug)).toEqual([])
  })

  it('refuses a review claim with the day but not who checked, or the other way round', async () => {
    const root = await edit('guides/breastfeeding.yaml', (t) => `${t}lastReviewed: "2026-11-02"\n`)
    await edit('guides/screen-time.yaml', (t) => `${t}reviewerRole: health-visitor\n`)
    const problems = await problemsOf(root)
    expect(problems).toContainEqual(expect.stringMatching(/^guides\/breastfeeding\.yaml: reviewerRole: a review needs both the day it was checked \(lastReviewed\) and who checked it/))
    expect(problems).toContainEqual(expect.stringMatching(/^guides\/screen-time\.yaml: lastReviewed: a review needs both/))
  })
})
