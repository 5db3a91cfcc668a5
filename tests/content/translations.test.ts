/**
 * Translation provenance from the files: a translation made from Danish text that has changed
 * since is outdated, field by field, and the coverage report counts it so.
 */
import { execFile } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { parse, stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { coverageReport } from '../../content/coverage-report.ts'
import { ContentError, loadContent } from '../../content/load.ts'
import { documentStates, orderProvenance, outdated, sourceHash, stampHashes, translatableFields } from '../../content/translations.ts'
import { copyOfContent, repoContent } from '../support/content.ts'

const run = promisify(execFile)
const doc = () => ({
  slug: 'x',
  title: { da: 'Sang', en: 'Song', ar: 'أغنية' },
  steps: { da: ['Syng', 'Klap'], en: ['Sing', 'Clap'] },
  venue: { name: 'Huset', directions: { da: 'Gå ind', en: 'Go in' } },
  durationMinutes: 30,
  translationStatus: { en: 'reviewed', ar: 'machine' },
})

describe('translation states', () => {
  it('knows which fields are translatable, nested ones included', () => {
    expect(translatableFields(doc())).toEqual(['title', 'steps', 'venue'])
  })

  it('is missing, machine or translated by the text and the status; Danish changes make it outdated', () => {
    const d = { ...doc(), sourceHashes: { en: stampHashes(doc(), 'en'), ar: stampHashes(doc(), 'ar') } }
    expect(documentStates(d, 'en')).toEqual({ title: 'translated', steps: 'translated', venue: 'translated' })
    expect(documentStates(d, 'ar')).toEqual({ title: 'machine', steps: 'missing', venue: 'missing' })
    const changed = {
      ...d,
      title: { ...d.title, da: 'Sange' },
      venue: { name: 'Huset', directions: { da: 'Gå ind ad bagdøren', en: 'Go in' } },
      sourceUpdated: { title: '2026-11-01', venue: '2026-11-20' },
    }
    expect(documentStates(changed, 'en')).toEqual({ title: 'outdated', steps: 'translated', venue: 'outdated' })
    expect(outdated(changed, 'en')).toEqual({ fields: ['title', 'venue'], sourceUpdated: '2026-11-20' })
    expect(outdated(changed, 'da')).toEqual({ fields: [] })
  })

  it('hashes only the Danish text: other languages and key order do not matter', () => {
    const a = doc()
    const b = { ...doc(), venue: { directions: { en: 'Other', da: 'Gå ind' }, name: 'Huset' }, title: { ...a.title, ar: 'غير' } }
    for (const f of ['title', 'venue']) expect(sourceHash(b, f)).toBe(sourceHash(a, f))
    expect(sourceHash({ ...a, venue: { ...a.venue, name: 'Andet hus' } }, 'venue')).not.toBe(sourceHash(a, 'venue'))
  })

  it('writes the provenance maps in field and registry order', () => {
    const d = orderProvenance({ ...doc(), sourceHashes: { ar: { title: 'a' }, en: { venue: 'b', title: 'c' } }, sourceUpdated: { venue: '2026-01-01', title: '2026-01-02' } })
    expect(JSON.stringify(d.sourceHashes)).toBe('{"en":{"title":"c","venue":"b"},"ar":{"title":"a"}}')
    expect(Object.keys(d.sourceUpdated!)).toEqual(['title', 'venue'])
  })
})

describe('provenance in content files', () => {
  it('flags the demo activity whose Danish tips changed after translation', async () => {
    const set = await loadContent(repoContent)
    const game = set.activities.find((a) => a.slug === 'julegaveleg')!
    expect(outdated(game, 'ar')).toEqual({ fields: ['tips'], sourceUpdated: '2026-11-20' })
  })

  it('refuses a malformed hash, a hash for a field that is not translatable, and Danish hashes', async () => {
    const dir = await copyOfContent()
    const file = path.join(dir, 'activities/babymassage.yaml')
    const d = parse(await readFile(file, 'utf8'))
    d.sourceHashes.ar.title = 'not-a-hash'
    d.sourceHashes.ar.durationMinutes = '0123456789ab'
    d.sourceHashes.da = { title: '0123456789ab' }
    await writeFile(file, stringify(d))
    const error = await loadContent(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContentError)
    const message = (error as Error).message
    expect(message).toContain('activities/babymassage.yaml: sourceHashes.ar.title: must be a 12-digit hexadecimal source hash')
    expect(message).toContain('sourceHashes.ar.durationMinutes: "durationMinutes" is not a translatable field')
    expect(message).toContain('sourceHashes.da: Danish is the source')
  })
})

describe('npm run translations:report', () => {
  const script = path.resolve(import.meta.dirname, '../../scripts/translations-report.ts')
  const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx')

  it('prints coverage per locale and passes while committed locales meet their share', async () => {
    const { stdout } = await run(tsx, [script, '--content', repoContent])
    expect(stdout).toMatch(/^ar\s+\d+\s+\d+\s+\d+\s+1\s+/m)
    const json = JSON.parse((await run(tsx, [script, '--json', '--content', repoContent])).stdout)
    const ar = json.find((r: { locale: string }) => r.locale === 'ar')
    expect(ar.byCollection.activities.outdated).toBe(1)
    expect(ar.belowRequired).toBe(false)
  })

  it('fails, naming the locale, when Danish changes leave a committed locale behind', async () => {
    const dir = await copyOfContent()
    // Editors rewrite the Danish of every activity: the Arabic translations are now all behind.
    for (const f of await readdir(path.join(dir, 'activities'))) {
      const file = path.join(dir, 'activities', f)
      const d = parse(await readFile(file, 'utf8'))
      for (const field of ['title', 'summary', 'purpose']) d[field].da += ' (revideret)'
      d.steps.da = [...d.steps.da, 'Ryd op sammen.']
      await writeFile(file, stringify(d))
    }
    const report = coverageReport(await loadContent(dir))
    expect(report.find((r) => r.locale === 'ar')!.belowRequired).toBe(true)
    const failed = await run(tsx, [script, '--content', dir]).catch((e: { code: number; stderr: string }) => e)
    expect((failed as { code: number }).code).toBe(1)
    expect((failed as { stderr: string }).stderr).toMatch(/Below the committed share: .*ar \d+% < 35%/)
  })
})
