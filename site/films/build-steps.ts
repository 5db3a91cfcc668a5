/**
 * The site build's film steps, called from build-site.ts:
 *   before Astro: validate every subtitle file (a broken one fails the build, naming file, language,
 *   line and reason) and make the renditions and posters that are missing (ffmpeg);
 *   after Astro: copy the film files into the build, write the subtitle files, bundle visit mode's
 *   service worker, write the kit manifest visit mode saves from, and index the transcripts.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { build as esbuild } from 'esbuild'
import { ContentError, type ContentSet } from '../../content/load.ts'
import { localeCodes, type LocaleCode } from '../../locales/registry.ts'
import type { Film } from '../../content/schema/index.ts'
import { filmCacheDir, subtitleFile, type FilmMedia } from './media.ts'
import { transcriptAnchor } from './anchors.ts'
import { clock, type KitManifest } from './kit.ts'
import { urls } from '../../content/urls.ts'
import { parseVtt, subtitleProblems, transcriptOf } from './vtt.ts'
import { prepareFilms, pruneFilmCache, type Progress } from './pipeline.ts'
import { escapeHtml } from '../lib/html.ts'
import { linkOrCopy } from '../../system/files.ts'
import { writeSearchIndex, type SearchIndexResult, type SearchLanguage, type SearchRecord } from '../build/search-index.ts'

/** Fails with a ContentError listing every broken subtitle file. */
export async function validateSubtitles(contentDir: string, films: Film[]): Promise<void> {
  const problems: string[] = []
  for (const film of films) {
    const yaml = await readFile(path.join(contentDir, 'films', `${film.slug}.yaml`), 'utf8').catch(() => undefined)
    problems.push(...subtitleProblems(film, yaml))
  }
  if (problems.length) throw new ContentError(problems)
}

/** Renditions and posters for every film, made now where missing; then earlier generations pruned. */
export async function prepareFilmMedia(contentDir: string, set: ContentSet, progress?: Progress): Promise<Map<string, FilmMedia>> {
  const media = await prepareFilms(contentDir, set.films, progress)
  await pruneFilmCache(new Map([...media].map(([slug, m]) => [slug, m.sourceHash])))
  return media
}

export async function writeFilmFiles(set: ContentSet, media: Map<string, FilmMedia>, outDir: string): Promise<KitManifest> {
  const cache = filmCacheDir()
  const films: KitManifest['films'] = []
  for (const film of set.films) {
    const m = media.get(film.slug)!
    const dir = path.join(outDir, 'films', film.slug)
    await mkdir(dir, { recursive: true })
    // Cache entries are named by hash and never rewritten: linked, not copied.
    for (const f of [...m.renditions, ...m.posters]) await linkOrCopy(path.join(cache, film.slug, f.file), path.join(dir, f.file))
    const subtitles: KitManifest['films'][number]['subtitles'] = {}
    for (const [lang, vtt] of Object.entries(film.subtitles ?? {}) as Array<[LocaleCode, string]>) {
      const file = subtitleFile(lang, vtt)
      await writeFile(path.join(dir, file), vtt)
      subtitles[lang] = { url: urls.filmFile(film.slug, file), bytes: Buffer.byteLength(vtt) }
    }
    const poster = m.posters[0]!
    films.push({
      slug: film.slug,
      durationSeconds: m.durationSeconds,
      renditions: m.renditions.map((r) => ({ name: r.name, url: urls.filmFile(film.slug, r.file), bytes: r.bytes, type: r.type, height: r.height })),
      poster: { url: urls.filmFile(film.slug, poster.file), bytes: poster.bytes },
      subtitles,
      pages: Object.fromEntries(localeCodes.map((l) => [l, urls.film(l, film.slug)])),
    })
  }
  const pageUrls = [...localeCodes.map((l) => urls.visit(l)), ...films.flatMap((f) => Object.values(f.pages) as string[])]
  const pages: KitManifest['pages'] = {}
  for (const url of pageUrls) pages[url] = await pageWithNeeds(outDir, url)
  await bundleServiceWorker(outDir)
  const visit = Object.fromEntries(localeCodes.map((l) => [l, urls.visit(l)]))
  const version = createHash('sha256').update(JSON.stringify({ films, pages })).digest('hex').slice(0, 16)
  const kit: KitManifest = { version, films, pages, visit }
  await writeFile(path.join(outDir, urls.visitKit()), JSON.stringify(kit))
  return kit
}

/** A built page, the hash of its HTML and the same-origin files it loads (recursively for scripts). */
async function pageWithNeeds(outDir: string, url: string): Promise<KitManifest['pages'][string]> {
  const html = await readFile(path.join(outDir, url, 'index.html'))
  const needs = new Map<string, number>()
  const visit = async (ref: string, from: string) => {
    const abs = new URL(ref, `http://site${from}`)
    if (abs.host !== 'site' || needs.has(abs.pathname)) return
    const file = path.join(outDir, decodeURIComponent(abs.pathname))
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) return
    needs.set(abs.pathname, info.size)
    if (abs.pathname.endsWith('.js')) {
      const js = await readFile(file, 'utf8')
      for (const m of js.matchAll(/(?:from\s*|import\s*\(?\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)) await visit(m[1]!, abs.pathname)
    }
  }
  const text = html.toString('utf8')
  for (const m of text.matchAll(/(?:src|href)="(\/_astro\/[^"]+)"/g)) await visit(m[1]!, url)
  for (const m of text.matchAll(/url\((\/[^)"']+)\)/g)) await visit(m[1]!, url)
  return {
    hash: createHash('sha256').update(html).digest('hex').slice(0, 16),
    bytes: html.length,
    needs: [...needs].map(([u, bytes]) => ({ url: u, bytes })),
  }
}

/** Visit mode's service worker (Workbox), bundled with esbuild to a stable URL at the root. */
async function bundleServiceWorker(outDir: string): Promise<void> {
  const result = await esbuild({
    entryPoints: [path.resolve(import.meta.dirname, '../client/visit-sw.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: path.join(outDir, urls.visitWorker()),
    logLevel: 'silent',
  })
  if (result.errors.length) throw new Error(`The service worker did not bundle: ${result.errors.map((e) => e.text).join('; ')}`)
}

/**
 * The transcripts in a search index of their own (/pagefind-films/), one index per language, only
 * in languages the film has subtitles in: the catalogue's index stays activities only. Each line
 * is a part of its own under an anchor (#t-<seconds>), so a result can lead to the moment it is said.
 * A language is indexed again only when its transcripts or titles changed (../build/search-index.ts).
 */
export async function indexTranscripts(set: ContentSet, outDir: string, cacheDir: string): Promise<SearchIndexResult> {
  const byLanguage = new Map<string, SearchRecord[]>()
  for (const film of set.films) {
    for (const [lang, vtt] of Object.entries(film.subtitles ?? {}) as Array<[LocaleCode, string]>) {
      const title = film.title[lang] ?? film.title.da!
      const lines = transcriptOf(parseVtt(vtt).cues)
        .map((p) => `<h2 id="${transcriptAnchor(p.start)}">${clock(p.start)}</h2><p>${escapeHtml(p.text)}</p>`)
        .join('')
      const content = `<!doctype html><html lang="${lang}"><head><title>${escapeHtml(title)}</title></head><body><main data-pagefind-body><h1>${escapeHtml(title)}</h1>${lines}</main></body></html>`
      byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), { url: urls.film(lang, film.slug), content }])
    }
  }
  const languages = new Map<string, SearchLanguage>()
  for (const [lang, records] of byLanguage) {
    const signature = createHash('sha256').update(JSON.stringify(records)).digest('hex')
    languages.set(lang, { signature, pages: { records: async () => records } })
  }
  return writeSearchIndex('films', languages, { cacheDir, outDir: path.join(outDir, 'pagefind-films') })
}
