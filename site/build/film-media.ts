/**
 * The film media pipeline (ffmpeg, Debian package): the demo film's original, two H.264/AAC
 * renditions with faststart (360p for mobile data, at most 1 MB a minute; 720p), and a poster from
 * a frame (sizes by sharp). Everything lands in the film cache (gitignored), named by hashes of its
 * inputs, so a second run does nothing. A file is written to a temporary name, checked with
 * ffprobe and only then renamed into place: a failed run leaves the original and every earlier
 * rendition as they were.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { ensureSystemPackages } from '../../scripts/system-deps.ts'
import {
  filmCacheDir,
  filmSource,
  hash,
  noSourceMessage,
  posterWidths,
  renditionSpecs,
  sourceHash,
  type DemoFilm,
  type FilmMedia,
  type FilmRef,
  type FilmSource,
  type RenditionSpec,
} from '../lib/films.ts'

/** Bumped when the ffmpeg settings below change in a way the specs do not show. */
const pipelineVersion = '1'

export type Progress = (what: string, fraction: number) => void

export interface Probe {
  durationSeconds: number
  video?: { codec: string; width: number; height: number; profile?: string }
  audio?: { codec: string; channels: number }
  bytes: number
  /** Whether the index (moov) precedes the media data (mdat): playback can start at once. */
  faststart: boolean
}

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
    const records = await Promise.all(
      names.filter((n) => /^[0-9a-f]{16}\.json$/.test(n)).map(async (n) => ({ hash: n.slice(0, -5), mtime: (await stat(path.join(dir, n))).mtimeMs })),
    )
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

/** The type for `<source type>`: H.264 profile and level from ffprobe, AAC-LC. */
function mp4Type(p: Probe): string {
  const profile = p.video?.profile === 'Main' ? '4d401f' : p.video?.profile === 'High' ? '64001f' : '42e01e'
  return `video/mp4; codecs="avc1.${profile}, mp4a.40.2"`
}

async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`
  await writeFile(tmp, data)
  await rename(tmp, file)
}

const tmpName = (target: string) => {
  const ext = path.extname(target)
  return `${target.slice(0, -ext.length)}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}${ext}`
}

/** Runs ffmpeg with machine-readable progress; rejects with the end of its error output. */
export function runFfmpeg(args: string[], durationSeconds: number, onProgress: (fraction: number) => void = () => {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let buffered = ''
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)))
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop()!
      for (const line of lines) {
        const m = /^out_time_us=(\d+)/.exec(line)
        if (m && durationSeconds > 0) onProgress(Math.min(1, Number(m[1]) / 1e6 / durationSeconds))
      }
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) {
        onProgress(1)
        resolve()
      } else reject(new Error(`ffmpeg failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`))
    })
  })
}

export async function ffprobe(file: string): Promise<Probe> {
  const r = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration,size:stream=codec_type,codec_name,width,height,channels,profile', '-of', 'json', file], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`ffprobe could not read ${file}: ${r.stderr.trim()}`)
  const j = JSON.parse(r.stdout) as {
    format: { duration: string; size: string }
    streams: Array<{ codec_type: string; codec_name: string; width?: number; height?: number; channels?: number; profile?: string }>
  }
  const v = j.streams.find((s) => s.codec_type === 'video')
  const a = j.streams.find((s) => s.codec_type === 'audio')
  const head = Buffer.alloc(64 * 1024)
  const { open } = await import('node:fs/promises')
  const fh = await open(file, 'r')
  await fh.read(head, 0, head.length, 0)
  await fh.close()
  const moov = head.indexOf('moov')
  const mdat = head.indexOf('mdat')
  return {
    durationSeconds: Number(j.format.duration),
    bytes: Number(j.format.size),
    video: v ? { codec: v.codec_name, width: v.width!, height: v.height!, profile: v.profile } : undefined,
    audio: a ? { codec: a.codec_name, channels: a.channels! } : undefined,
    faststart: moov >= 0 && (mdat < 0 || moov < mdat),
  }
}

/** One rendition: encoded to a temporary file, checked, then renamed into place. */
export async function encodeRendition(original: string, target: string, spec: RenditionSpec, duration: number, onProgress: (f: number) => void): Promise<void> {
  const tmp = tmpName(target)
  try {
    await runFfmpeg(
      [
        '-y', '-i', original,
        '-map', '0:v:0', '-map', '0:a:0?',
        '-vf', `scale=-2:'min(${spec.height},ih)',format=yuv420p`,
        '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main',
        '-crf', String(spec.crf), '-maxrate', `${spec.maxrateKbps}k`, '-bufsize', `${spec.maxrateKbps * 2}k`,
        '-c:a', 'aac', '-b:a', `${spec.audioKbps}k`, '-ac', String(spec.audioChannels), '-ar', '44100',
        '-movflags', '+faststart', '-f', 'mp4', tmp,
      ],
      duration,
      onProgress,
    )
    const p = await ffprobe(tmp)
    const problems = [
      p.video?.codec !== 'h264' && `video codec ${p.video?.codec ?? 'missing'}`,
      p.audio && p.audio.codec !== 'aac' && `audio codec ${p.audio.codec}`,
      Math.abs(p.durationSeconds - duration) > 0.5 && `duration ${p.durationSeconds} s instead of ${duration} s`,
      !p.faststart && 'no faststart',
    ].filter(Boolean)
    if (problems.length) throw new Error(`${path.basename(target)}: ${problems.join(', ')}`)
    await rename(tmp, target)
  } finally {
    await rm(tmp, { force: true })
  }
}

async function makePosters(original: string, dir: string, key: string, duration: number, force = false): Promise<FilmMedia['posters']> {
  const files = posterWidths.map((w) => ({ width: w, file: `${key}-poster-${w}.webp` }))
  if (force || !files.every((f) => existsSync(path.join(dir, f.file)))) {
    const frame = tmpName(path.join(dir, `${key}-frame.png`))
    try {
      // A frame a tenth of the way in: past any fade from black.
      await runFfmpeg(['-y', '-ss', (duration / 10).toFixed(2), '-i', original, '-frames:v', '1', '-f', 'image2', '-c:v', 'png', frame], 0)
      for (const f of files) {
        const target = path.join(dir, f.file)
        const tmp = tmpName(target)
        await sharp(frame).resize({ width: f.width, withoutEnlargement: true }).webp({ quality: 70 }).toFile(tmp)
        await rename(tmp, target)
      }
    } finally {
      await rm(frame, { force: true })
    }
  }
  return Promise.all(files.map(async (f) => ({ ...f, bytes: (await stat(path.join(dir, f.file))).size })))
}

const fontFile = ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf'].find((f) => existsSync(f))

function hasFilter(name: string): boolean {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-filters'], { encoding: 'utf8' })
  return new RegExp(`\\s${name}\\s`).test(r.stdout)
}

/**
 * The demo film's original, 720p: SMPTE bars with the chapter titles and a running clock, and a
 * synthesized English voice reading one line per subtitle span (a tone per span where ffmpeg has
 * no flite). Kept in the film cache as source-<hash>.mp4.
 */
export async function makeDemoOriginal(dir: string, srcHash: string, source: Extract<FilmSource, { kind: 'demo' }>, progress: Progress, slug: string, force = false): Promise<string> {
  const target = path.join(dir, `source-${srcHash}.mp4`)
  if (!force && existsSync(target)) return target
  const demo: DemoFilm = source.demo
  const work = path.join(dir, `work-${process.pid}-${Math.random().toString(36).slice(2)}`)
  await mkdir(work, { recursive: true })
  const tmp = tmpName(target)
  try {
    const voice = hasFilter('flite')
    const inputs: string[] = ['-f', 'lavfi', '-i', `smptebars=size=1280x720:rate=15:duration=${demo.durationSeconds}`]
    const audio: string[] = []
    for (const [i, line] of demo.narration.entries()) {
      const span = line.end - line.start
      if (voice) {
        const textFile = path.join(work, `line-${i}.txt`)
        await writeFile(textFile, line.text)
        inputs.push('-f', 'lavfi', '-i', `flite=textfile=${textFile}:voice=slt`)
      } else {
        inputs.push('-f', 'lavfi', '-i', `sine=frequency=${220 + 55 * i}:duration=1.5`)
      }
      audio.push(`[${i + 1}:a]aresample=44100,volume=${voice ? 1 : 0.3},apad=whole_dur=${span},atrim=0:${span}[a${i}]`)
    }
    const font = fontFile ? `fontfile=${fontFile}:` : ''
    const captions: string[] = []
    for (const [i, c] of demo.captions.entries()) {
      const textFile = path.join(work, `caption-${i}.txt`)
      await writeFile(textFile, c.text)
      captions.push(`drawtext=${font}textfile=${textFile}:fontsize=56:fontcolor=white:box=1:boxcolor=black@0.7:boxborderw=20:x=(w-tw)/2:y=80:enable='between(t,${c.start},${c.end - 0.001})'`)
    }
    captions.push(`drawtext=${font}text='%{pts\\:hms}':fontsize=40:fontcolor=white:box=1:boxcolor=black@0.7:boxborderw=12:x=(w-tw)/2:y=h-th-60`)
    const graph = [`[0:v]${captions.join(',')}[v]`, ...audio, `${demo.narration.map((_, i) => `[a${i}]`).join('')}concat=n=${demo.narration.length}:v=0:a=1[a]`].join(';')
    await runFfmpeg(
      [
        '-y', ...inputs, '-filter_complex', graph, '-map', '[v]', '-map', '[a]',
        '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '18', '-pix_fmt', 'yuv420p',
        '-c:a', 'aac', '-b:a', '128k', '-t', String(demo.durationSeconds), '-movflags', '+faststart', '-f', 'mp4', tmp,
      ],
      demo.durationSeconds,
      (f) => progress(`${slug} original (generated demo)`, f),
    )
    await rename(tmp, target)
  } finally {
    await rm(tmp, { force: true })
    await rm(work, { recursive: true, force: true })
  }
  return target
}
