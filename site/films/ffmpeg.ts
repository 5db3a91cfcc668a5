/**
 * ffmpeg and ffprobe (Debian package) as functions, and the temporary names every step writes to
 * before it renames a checked file into place.
 */
import { spawn, spawnSync } from 'node:child_process'
import { open, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

export interface Probe {
  durationSeconds: number
  video?: { codec: string; width: number; height: number; profile?: string }
  audio?: { codec: string; channels: number }
  bytes: number
  /** Whether the index (moov) precedes the media data (mdat): playback can start at once. */
  faststart: boolean
}

/** A temporary name beside the target, with its extension (ffmpeg picks formats by it). */
export const tmpName = (target: string) => {
  const ext = path.extname(target)
  return `${target.slice(0, -ext.length)}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}${ext}`
}

export async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const tmp = tmpName(file)
  await writeFile(tmp, data)
  await rename(tmp, file)
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

export function hasFilter(name: string): boolean {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-filters'], { encoding: 'utf8' })
  return new RegExp(`\\s${name}\\s`).test(r.stdout)
}
