/** The generated demo film's original (never committed): test pattern, titles, a synthesized voice. */
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { hasFilter, runFfmpeg, tmpName } from './ffmpeg.ts'
import type { DemoFilm, FilmSource } from './media.ts'
import type { Progress } from './pipeline.ts'

const fontFile = ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf'].find((f) => existsSync(f))

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
        '-y',
        ...inputs,
        '-filter_complex',
        graph,
        '-map',
        '[v]',
        '-map',
        '[a]',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-crf',
        '18',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-b:a',
        '128k',
        '-t',
        String(demo.durationSeconds),
        '-movflags',
        '+faststart',
        '-f',
        'mp4',
        tmp,
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
