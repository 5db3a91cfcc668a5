/**
 * Leaflet PDFs printed by real Chromium from the built site: the right text in the right language
 * (Arabic, Tigrinya, Urdu included), every font embedded, two pages as designed, and a QR code
 * that scans to the exact short URL of that municipality and language. An untranslated leaflet is
 * refused with its missing fields while the others still print.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { ContentSet } from '../../content/collections.ts'
import { loadContent } from '../../content/load.ts'
import { getLocale, type LocaleCode } from '../../locales/registry.ts'
import { leafletPages, planLeaflets, renderLeaflets, type LeafletJob } from '../../site/print/leaflet-pdfs.ts'
import { serveSite } from '../../site/server/serve.ts'
import { codeFor } from '../../site/lib/codes.ts'
import { weekdayName } from '../../site/lib/format.ts'
import { leafletFor, leafletTextFields } from '../../site/print/leaflet.ts'
import { absolute, urls } from '../../content/urls.ts'
import { launchChromium } from '../support/browser.ts'
import { copyOfContent, repoContent } from '../support/content.ts'
import { editDistanceWithin, pdfFonts, pdfPageCount, pdfText, qrCodesOnPage, squash } from '../support/pdf.ts'

const root = path.resolve(import.meta.dirname, '../..')
const port = 4990
const origin = `http://127.0.0.1:${port}`
const municipality = 'aarhus'
const langs: LocaleCode[] = ['da', 'ar', 'ti', 'ur']
/** The font each language's text must be set in (self-hosted; system fonts for Latin). */
const scriptFont: Partial<Record<LocaleCode, string>> = { ar: 'NotoNaskhArabic', ti: 'NotoSansEthiopic', ur: 'NotoNastaliqUrdu' }
const printed = ['aarhus-ar.pdf', 'aarhus-da.pdf', 'aarhus-ti.pdf', 'aarhus-ur.pdf', 'bilingual/aarhus-ar.pdf']

describe('leaflet PDFs', () => {
  let set: ContentSet
  let server: Server
  let browser: Browser
  let out: string
  let jobs: LeafletJob[]
  const file = (job: Pick<LeafletJob, 'file'>) => path.join(out, job.file)
  const shortUrl = (lang: LocaleCode) => absolute(urls.shortCode(codeFor(set, set.municipalities.find((m) => m.slug === municipality)!.shortCode, lang)!.code), process.env.SITE_URL)
  const leaflet = () => leafletFor(set, { slug: municipality })!
  /** The leaflet's own sentences in a language, as the translator wrote them. */
  const sentences = (lang: LocaleCode) => leafletTextFields.flatMap((f) => (leaflet()[f]?.[lang] ?? '').split(/(?<=[.!?۔።])\s+/).filter(Boolean))
  /**
   * A sentence of the leaflet is in the PDF's text. Arabic script tolerates a quarter of its letters
   * misplaced: pdftotext files glyphs that Chromium placed with vertical offsets (cursive
   * attachment, marks) on another line, and reorders wrapped right-to-left lines' punctuation.
   * Other scripts must match exactly (whitespace aside).
   */
  const expectSentence = (text: string, sentence: string, lang: LocaleCode) => {
    const needle = squash(sentence)
    const allowed = getLocale(lang).script === 'Arab' ? Math.ceil(needle.length * 0.25) : 0
    expect(editDistanceWithin(needle, text), `${lang}: "${sentence}"`).toBeLessThanOrEqual(allowed)
  }

  beforeAll(async () => {
    set = await loadContent(repoContent)
    server = await serveSite(inject('siteDir'), port)
    browser = await launchChromium()
    out = await mkdtemp(path.join(tmpdir(), 'modersmal-leaflets-'))
    const plan = planLeaflets(set, { municipalities: [municipality], langs })
    // Every single-language sheet, and one bilingual sheet (Arabic beside Danish).
    jobs = plan.jobs.filter((j) => j.variant === 'single' || j.lang === 'ar')
    await renderLeaflets({ browser, origin, outDir: out, jobs, concurrency: 2 })
  })
  afterAll(async () => {
    await browser?.close()
    server?.close()
    if (out) await rm(out, { recursive: true, force: true })
  })

  it('plans a single and a bilingual sheet for every translated language, and prints them', () => {
    expect(jobs.map((j) => j.file).sort()).toEqual(printed)
    for (const j of jobs) expect(existsSync(file(j)), j.file).toBe(true)
  })

  it.each(langs)("%s: the municipality, the weekday and the leaflet's own sentences", (lang) => {
    const text = squash(pdfText(path.join(out, `${municipality}-${lang}.pdf`)))
    const m = set.municipalities.find((x) => x.slug === municipality)!
    expect(text).toContain(squash(m.name[lang] ?? m.name.da!))
    expect(text).toContain(squash(weekdayName(m.schedule.weekday, lang)))
    // A known sentence, exactly: "It is free, and volunteers lead the group."
    const known = leaflet()
      .practical[lang]!.split(/(?<=[.۔።])\s+/)
      .at(-1)!
    expect(text).toContain(squash(known))
    for (const s of sentences(lang)) expectSentence(text, s, lang)
    // Not Danish in another language's clothes: the Danish text is not there.
    if (lang !== 'da') for (const s of sentences('da')) expect(text).not.toContain(squash(s))
  })

  it.each(langs)("%s: every font is embedded, the script's own font among them", (lang) => {
    const fonts = pdfFonts(path.join(out, `${municipality}-${lang}.pdf`))
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.filter((f) => !f.embedded)).toEqual([])
    const own = scriptFont[lang]
    if (own)
      expect(
        fonts.map((f) => f.name).some((n) => n.includes(own)),
        `${own} in ${fonts.map((f) => f.name).join(', ')}`,
      ).toBe(true)
  })

  it.each(printed)('%s has the designed page count (two A5 pages)', (f) => {
    expect(pdfPageCount(path.join(out, f))).toBe(leafletPages)
    expect(leafletPages).toBe(2)
  })

  it.each(printed)('%s: the QR code scans to the exact short URL, printed under it', (f) => {
    const lang = f.match(/-(\w+)\.pdf$/)![1] as LocaleCode
    const url = shortUrl(lang)
    expect(qrCodesOnPage(path.join(out, f), 2, 150)).toEqual([url])
    expect(squash(pdfText(path.join(out, f), 2))).toContain(squash(url.replace(/^https?:\/\//, '')))
  })

  it('puts Arabic and Danish on the same bilingual sheet', () => {
    const text = squash(pdfText(path.join(out, 'bilingual/aarhus-ar.pdf')))
    // pdftotext reads the two columns line by line into one another: compare the Danish sentences
    // with the page's Latin-script text only (a few edits for digits shared with the other column).
    const latin = (s: string) => [...squash(s)].filter((c) => /[\p{Script=Latin}\d.,–-]/u.test(c)).join('')
    for (const s of sentences('da')) expect(editDistanceWithin(latin(s), latin(text)), s).toBeLessThanOrEqual(Math.ceil(latin(s).length * 0.05))
    // Arabic in a narrow column comes out with its wrapped lines out of order (the single sheet
    // above checks it sentence by sentence): here, nearly every letter of the Arabic leaflet, counted.
    expect(text).toContain(squash(weekdayName('tuesday', 'ar')))
    expect(text).toContain(squash(set.municipalities.find((m) => m.slug === municipality)!.name.ar!))
    const letters = (s: string) => [...squash(s)].filter((c) => /\p{Script=Arabic}/u.test(c))
    const found = new Map<string, number>()
    for (const c of letters(text)) found.set(c, (found.get(c) ?? 0) + 1)
    const wanted = letters(sentences('ar').join(''))
    const covered = wanted.filter((c) => {
      const n = found.get(c) ?? 0
      if (n > 0) found.set(c, n - 1)
      return n > 0
    }).length
    expect(covered / wanted.length).toBeGreaterThan(0.97)
    expect(text).toContain(squash(weekdayName('tuesday', 'da')))
  })

  it('refuses a leaflet whose translation is incomplete, naming the missing fields, and prints the others', async () => {
    // A copy of content/ where the Tigrinya headline and film call were never translated.
    const content = await copyOfContent()
    const outDir = path.join(out, 'refusal')
    try {
      const yaml = path.join(content, 'leaflets', 'ny-mor-i-danmark.yaml')
      const original = await readFile(yaml, 'utf8')
      const lines = original.split('\n')
      const drop = (field: string) => {
        const start = lines.indexOf(`${field}:`)
        const at = lines.findIndex((l, i) => i > start && l.startsWith('  ti: '))
        lines.splice(at, 1)
      }
      drop('headline')
      drop('filmCall')
      await writeFile(yaml, lines.join('\n'))
      const partial = await loadContent(content)
      const plan = planLeaflets(partial, { municipalities: [municipality], langs: ['da', 'ti', 'ar'] })
      expect(plan.refused).toEqual([expect.objectContaining({ municipality, lang: 'ti', missing: ['headline', 'filmCall'] })])
      expect(plan.jobs.map((j) => j.file)).toEqual(['aarhus-da.pdf', 'aarhus-ar.pdf', 'bilingual/aarhus-ar.pdf'])

      // The command itself: says what is missing, goes on with the others, exits 0.
      const cli = (args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'scripts/leaflets.ts', '--site', inject('siteDir'), '--out', outDir, '--municipality', municipality, ...args], {
          cwd: root,
          encoding: 'utf8',
          env: { ...process.env, MODERSMAL_CONTENT_DIR: content },
        })
      const both = cli(['--lang', 'ti,da', '--no-bilingual'])
      expect(both.status, both.stderr).toBe(0)
      expect(both.stdout).toMatch(/ti \(Tigrinya\), aarhus: leaflet ny-mor-i-danmark is not translated: missing headline, filmCall/)
      expect(existsSync(path.join(outDir, 'aarhus-da.pdf'))).toBe(true)
      expect(existsSync(path.join(outDir, 'aarhus-ti.pdf'))).toBe(false)
      // Asked for nothing but the untranslated one: nothing to print is a failure.
      const only = cli(['--lang', 'ti'])
      expect(only.status).toBe(1)
      expect(only.stdout).toContain('missing headline, filmCall')
      expect(only.stderr).toContain('Nothing to print')
    } finally {
      await rm(content, { recursive: true, force: true })
    }
  })
})
