/**
 * The film media pipeline (ffmpeg, Debian package): the demo film's original (demo-original.ts),
 * two H.264/AAC renditions with faststart (360p for mobile data, at most 1 MB a minute; 720p) and a
 * poster from a frame (renditions.ts). Everything lands in the film cache (gitignored), named by hashes of its
 * inputs, so a second run does nothing. A file is written to a temporary name, checked with
 * ffprobe and only then renamed into place: a failed run leaves the original and every earlier
 * rendition as they were.
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ensureSystemPackages } from '../../system/packages.ts'
import { makeDemoOriginal } from './demo-original.ts'
import { ffprobe, writeAtomically } from './ffmpeg.ts'
import { filmCacheDir, filmSource, hash, noSourceMessage, posterWidths, renditionSpecs, sourceHash, type FilmMedia, type FilmRef } from './media.ts'
import { encodeRendition, makePosters, mp4Type } from './renditions.ts'

/** Bumped when the ffmpeg settings (renditions.ts) change in a way the specs do not show. */
const pipelineVersion = '1'

export type Progress = (what: string, fraction: number) => void

/** The media key: one set of renditions and posters per original and settings. */
export function mediaKey(srcHash: string): string {
  return hash(srcHash, JSON.stringify(renditionSpecs), JSON.stringify(posterWidths), pipelineVersion)
}

/** Makes sure every film has its renditions and poster; returns their records by slug. */
export async function prepareFilms(contentDir: string, films: FilmRef[], progress: Progress = () => {}, opts: { force?: boolean } = {}): Promise<Map<string, FilmMedia>> {
  const out = new Map<string, FilmMedia>()
  const missing = films.filter((f) => !filmSource(contentDir, f))
  if (missing.length) throw new Error(missing.map((f) => noSourceMessage(f.slug)).join('\n'))
  for (const film of films) out.set(film.slug, await prepareFilm(contentDir, film, progress, opts))
  return out
}

export async function prepareFilm(contentDir: string, film: FilmRef, progress: Progress = () => {}, opts: { force?: boolean } = {}): Promise<FilmMedia> {
  const { slug } = film
  const source = filmSource(contentDir, film)
  if (!source) throw new Error(noSourceMessage(slug))
  const srcHash = sourceHash(source)
  const key = mediaKey(srcHash)
  const dir = path.join(filmCacheDir(), slug)
  const recordFile = path.join(dir, `${srcHash}.json`)
  if (!opts.force && existsSync(recordFile)) {
    const record = JSON.parse(await readFile(recordFile, 'utf8')) as FilmMedia & { key?: string }
    const complete = record.key === key && [...record.renditions, ...record.posters].every((r) => existsSync(path.join(dir, r.file)))
    if (complete) {
      // The record's time says when this generation was last current (pruneFilmCache keeps the last two).
      const now = new Date()
      await utimes(recordFile, now, now)
      return record
    }
  }
  ensureSystemPackages(['ffmpeg'])
  await mkdir(dir, { recursive: true })
  const original = source.kind === 'file' ? source.file : await makeDemoOriginal(dir, srcHash, source, progress, slug, opts.force)
  const probe = await ffprobe(original)
  if (!probe.video) throw new Error(`${slug}: the original ${original} has no video stream`)

  const renditions: FilmMedia['renditions'] = []
  for (const spec of renditionSpecs) {
    const file = `${key}-${spec.name}.mp4`
    const target = path.join(dir, file)
    if (opts.force || !existsSync(target)) await encodeRendition(original, target, spec, probe.durationSeconds, (f) => progress(`${slug} ${spec.name}`, f))
    const p = await ffprobe(target)
    renditions.push({ name: spec.name, file, bytes: p.bytes, width: p.video!.width, height: p.video!.height, type: mp4Type(p) })
  }
  const posters = await makePosters(original, dir, key, probe.durationSeconds, opts.force)
  progress(`${slug} poster`, 1)
  const record: FilmMedia & { key: string } = {
    slug,
    key,
    sourceHash: srcHash,
    durationSeconds: Math.round(probe.durationSeconds * 1000) / 1000,
    width: probe.video.width,
    height: probe.video.height,
    renditions,
    posters,
  }
  await writeAtomically(recordFile, JSON.stringify(record, null, 2))
  return record
}

const removedMarker = '.removed'

/**
 * After a successful build: removes the renditions, posters and demo originals of earlier
 * originals of each film, and the folders of films that no longer exist. It keeps the current
 * generation and the one before it (by when each record was last current), and a gone film's
 * folder until the next run, because a build that started earlier (the publisher beside a manual
 * build) may still be copying those files. Files being written (`.tmp-`, `work-`) are left alone.
 */
export async function pruneFilmCache(current: Map<string, string>): Promise<string[]> {
  const cache = filmCacheDir()
  const removed: string[] = []
  const entries = await readdir(cache, { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    if (!entry.isDirectory()) continue
    const dir = path.join(cache, entry.name)
    const srcHash = current.get(entry.name)
    if (srcHash === undefined) {
      if (existsSync(path.join(dir, removedMarker))) {
        await rm(dir, { recursive: true, force: true })
        removed.push(entry.name)
      } else await writeFile(path.join(dir, removedMarker), '')
      continue
    }
    await rm(path.join(dir, removedMarker), { force: true })
    const names = await readdir(dir)
    const records = await Promise.all(names.filter((n) => /^[0-9a-f]{16}\.json$/.test(n)).map(async (n) => ({ hash: n.slice(0, -5), mtime: (await stat(path.join(dir, n))).mtimeMs })))
    const previous = records.filter((r) => r.hash !== srcHash).sort((a, b) => b.mtime - a.mtime)[0]
    const keep = new Set<string>()
    for (const hash of [srcHash, previous?.hash].filter((h): h is string => !!h)) {
      keep.add(`${hash}.json`).add(`source-${hash}.mp4`)
      const record = JSON.parse(await readFile(path.join(dir, `${hash}.json`), 'utf8').catch(() => '{}')) as Partial<FilmMedia>
      for (const f of [...(record.renditions ?? []), ...(record.posters ?? [])]) keep.add(f.file)
    }
    for (const name of names) {
      if (keep.has(name) || name.includes('.tmp-') || name.startsWith('work-')) continue
      await rm(path.join(dir, name), { recursive: true, force: true })
      removed.push(`${entry.name}/${name}`)
    }
  }
  return removed
}
