import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** A tiny real video made by ffmpeg (test pattern and a tone): a few KB, never committed. */
export function makeVideo(format: 'mp4' | 'webm', seconds = 1, file?: string): Buffer {
  const out = file ?? path.join(mkdtempSync(path.join(tmpdir(), 'modersmal-video-')), `film.${format}`)
  const codecs = format === 'mp4' ? ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart'] : ['-c:v', 'libvpx-vp9', '-c:a', 'libopus']
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc=size=160x90:rate=10:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${seconds}`,
    // Reproducible bytes: no encoder/creation metadata that changes between runs.
    '-map_metadata',
    '-1',
    '-fflags',
    '+bitexact',
    '-flags:v',
    '+bitexact',
    '-flags:a',
    '+bitexact',
    ...codecs,
    '-shortest',
    out,
  ])
  return readFileSync(out)
}
