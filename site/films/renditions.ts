/**
 * A film's renditions (H.264/AAC with faststart, by the specs in media.ts) and its posters (a frame,
 * sized by sharp), each checked before it is renamed into place.
 */
import { existsSync } from 'node:fs'
import { rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { ffprobe, runFfmpeg, tmpName, type Probe } from './ffmpeg.ts'
import { posterWidths, type FilmMedia, type RenditionSpec } from './media.ts'

/** The type for `<source type>`: H.264 profile and level from ffprobe, AAC-LC. */
export function mp4Type(p: Probe): string {
  const profile = p.video?.profile === 'Main' ? '4d401f' : p.video?.profile === 'High' ? '64001f' : '42e01e'
  return `video/mp4; codecs="avc1.${profile}, mp4a.40.2"`
}

/** One rendition: encoded to a temporary file, checked, then renamed into place. */
export async function encodeRendition(original: string, target: string, spec: RenditionSpec, duration: number, onProgress: (f: number) => void): Promise<void> {
  const tmp = tmpName(target)
  try {
    await runFfmpeg(
      [
        '-y',
        '-i',
        original,
        '-map',
        '0:v:0',
        '-map',
        '0:a:0?',
        '-vf',
        `scale=-2:'min(${spec.height},ih)',format=yuv420p`,
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-profile:v',
        'main',
        '-crf',
        String(spec.crf),
        '-maxrate',
        `${spec.maxrateKbps}k`,
        '-bufsize',
        `${spec.maxrateKbps * 2}k`,
        '-c:a',
        'aac',
        '-b:a',
        `${spec.audioKbps}k`,
        '-ac',
        String(spec.audioChannels),
        '-ar',
        '44100',
        '-movflags',
        '+faststart',
        '-f',
        'mp4',
        tmp,
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

export async function makePosters(original: string, dir: string, key: string, duration: number, force = false): Promise<FilmMedia['posters']> {
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
