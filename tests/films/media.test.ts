/**
 * Films without a browser: WebVTT validation with its messages, the renditions as ffprobe sees
 * them, the pipeline's failure behaviour, and video range requests through the local server.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ContentError, loadContent } from '../../content/load.ts'
import { buildSite } from '../../site/build/build-site.ts'
import { prepareFilm } from '../../site/films/pipeline.ts'
import { encodeRendition } from '../../site/films/renditions.ts'
import { prepareFilmMedia } from '../../site/films/build-steps.ts'
import { serveSite } from '../../site/server/serve.ts'
import { renditionSpecs } from '../../site/films/media.ts'
import { parseVtt, subtitleProblems } from '../../site/films/vtt.ts'
import { prefersSmall } from '../../site/client/film-player.ts'
import { copyOfContent, repoContent } from '../support/content.ts'
import { makeVideo } from '../support/video.ts'

const root = path.resolve(import.meta.dirname, '../..')
const film = 'om-moedregrupperne'

function probe(file: string) {
  const r = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration,size:stream=codec_type,codec_name,height,profile', '-of', 'json', file], { encoding: 'utf8' })
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as { format: { duration: string; size: string }; streams: Array<{ codec_type: string; codec_name: string; height?: number }> }
}

/**
 * For one describe block: a film cache of its own (MODERSMAL_FILM_CACHE) and a copy of content/
 * with a films/files/ folder, both removed afterwards.
 */
function privateFilmWorkspace(prepare: (content: string, cache: string) => Promise<void> | void = () => {}) {
  const dirs = { cache: '', content: '' }
  const before = process.env.MODERSMAL_FILM_CACHE
  beforeAll(async () => {
    dirs.cache = await mkdtemp(path.join(tmpdir(), 'modersmal-film-cache-'))
    process.env.MODERSMAL_FILM_CACHE = dirs.cache
    dirs.content = await copyOfContent()
    await mkdir(path.join(dirs.content, 'films', 'files'))
    await prepare(dirs.content, dirs.cache)
  })
  afterAll(async () => {
    if (before === undefined) delete process.env.MODERSMAL_FILM_CACHE
    else process.env.MODERSMAL_FILM_CACHE = before
    await rm(dirs.cache, { recursive: true, force: true })
    await rm(dirs.content, { recursive: true, force: true })
  })
  return dirs
}

describe('WebVTT validation', () => {
  it('accepts the subtitles in content/', async () => {
    const set = await loadContent(repoContent)
    for (const f of set.films) {
      expect(subtitleProblems(f, await readFile(path.join(repoContent, 'films', `${f.slug}.yaml`), 'utf8'))).toEqual([])
      for (const vtt of Object.values(f.subtitles ?? {})) expect(parseVtt(vtt!).cues.length).toBeGreaterThan(0)
    }
  })

  it.each([
    ['an end before its start', '00:00:05.000 --> 00:00:04.000', 'End timestamp is not greater than start timestamp.'],
    ['a comma as decimal separator', '00:00:05,000 --> 00:00:06.000', 'No decimal separator (".") found.'],
    // Without an arrow the line reads as a cue identifier; the parser says so first.
    ['a missing arrow', '00:00:05.000 00:00:06.000', 'Cue identifier needs to be followed by timestamp.'],
    ['61 seconds', '00:00:61.000 --> 00:01:06.000', 'You cannot have more than 59 seconds.'],
  ])('names the line and the reason for %s', (_, timing, reason) => {
    const vtt = `WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\nHej\n\n2\n${timing}\nMed fejl\n`
    const problems = subtitleProblems({ slug: 'x', subtitles: { ar: vtt } })
    expect(problems[0]).toBe(`films/x.yaml subtitles.ar: WebVTT line 8: ${reason}`)
  })

  it('fails the build with the file, its line, the language and the reason, and leaves the published site', async () => {
    const content = await copyOfContent()
    const file = path.join(content, 'films', `${film}.yaml`)
    const yaml = await readFile(file, 'utf8')
    const broken = yaml.replace('    00:00:17.000 --> 00:00:26.000\n    نلتقي', '    00:00:17.000 --> 00:00:16.000\n    نلتقي')
    expect(broken).not.toBe(yaml)
    await writeFile(file, broken)
    const line = broken.split('\n').findIndex((l) => l.includes('00:00:17.000 --> 00:00:16.000')) + 1
    const outDir = path.join(await mkdtemp(path.join(tmpdir(), 'modersmal-films-')), 'dist')
    await mkdir(outDir)
    await writeFile(path.join(outDir, 'index.html'), 'published')
    const error = await buildSite({ root, contentDir: content, outDir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContentError)
    expect((error as ContentError).problems).toEqual([`films/${film}.yaml line ${line} (subtitles.ar, WebVTT line 14): End timestamp is not greater than start timestamp.`])
    expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toBe('published')
    await rm(content, { recursive: true, force: true })
  })
})

describe('renditions', () => {
  const site = () => inject('siteDir')
  const files = async () => (await readdir(path.join(site(), 'films', film))).sort()

  it('has a 360p and a 720p H.264/AAC rendition of the whole film, the small one under 1 MB a minute, both with faststart', async () => {
    const names = await files()
    for (const [name, height] of [
      ['360p', 360],
      ['720p', 720],
    ] as const) {
      const file = path.join(site(), 'films', film, names.find((n) => n.endsWith(`-${name}.mp4`))!)
      const p = probe(file)
      const video = p.streams.find((s) => s.codec_type === 'video')!
      const audio = p.streams.find((s) => s.codec_type === 'audio')!
      expect(video.codec_name).toBe('h264')
      expect(video.height).toBe(height)
      expect(audio.codec_name).toBe('aac')
      const duration = Number(p.format.duration)
      expect(Math.abs(duration - 90)).toBeLessThan(0.5)
      const bytes = (await stat(file)).size
      if (name === '360p') expect(bytes / (duration / 60)).toBeLessThanOrEqual(1_000_000)
      // faststart: the index (moov) comes before the media data (mdat).
      const head = (await readFile(file)).subarray(0, 64 * 1024)
      expect(head.indexOf('moov')).toBeGreaterThan(-1)
      expect(head.indexOf('moov')).toBeLessThan(head.indexOf('mdat') === -1 ? Infinity : head.indexOf('mdat'))
    }
  })

  it('has a poster made from a frame, in two sizes', async () => {
    const posters = (await files()).filter((n) => n.includes('-poster-'))
    expect(posters.map((n) => n.replace(/^\w+-/, ''))).toEqual(['poster-1280.webp', 'poster-640.webp'])
  })

  describe('the pipeline', () => {
    const dirs = privateFilmWorkspace((content) => {
      // A real original of 4 seconds: bars and a tone.
      execFileSync('ffmpeg', [
        '-hide_banner',
        '-loglevel',
        'error',
        '-f',
        'lavfi',
        '-i',
        'smptebars=size=640x360:rate=15:duration=4',
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440:duration=4',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-shortest',
        path.join(content, 'films', 'files', `${film}.mp4`),
      ])
    })

    const withVideo = { slug: film, video: `${film}.mp4` }

    it("uses the film's video (a file in content/films/files/), and a second run does nothing", async () => {
      const seen: string[] = []
      const media = await prepareFilm(dirs.content, withVideo, (what) => seen.push(what))
      expect(media.renditions.map((r) => r.name)).toEqual(['360p', '720p'])
      expect(seen.some((w) => w.includes('360p'))).toBe(true)
      expect(seen.some((w) => w.includes('demo'))).toBe(false)
      // 640x360 is not enlarged to 720p.
      expect(media.renditions.map((r) => r.height)).toEqual([360, 360])
      const again: string[] = []
      const second = await prepareFilm(dirs.content, withVideo, (what) => again.push(what))
      expect(second).toEqual(media)
      expect(again).toEqual([])
    })

    it('a failed rendition leaves the original and the last good renditions as they were', async () => {
      const dir = path.join(dirs.cache, film)
      const snapshot = async () => new Map(await Promise.all((await readdir(dir)).map(async (n) => [n, await readFile(path.join(dir, n))] as const)))
      const original = await readFile(path.join(dirs.content, 'films', 'files', `${film}.mp4`))
      const good = await snapshot()
      const target = [...good.keys()].find((n) => n.endsWith('-360p.mp4'))!
      // Re-encoding over the good file from a broken input fails…
      const broken = path.join(dirs.content, 'broken.mp4')
      await writeFile(broken, original.subarray(0, 2000))
      await expect(encodeRendition(broken, path.join(dir, target), renditionSpecs[0]!, 4, () => {})).rejects.toThrow(/ffmpeg failed/)
      // … and so does a whole run on a broken original.
      await writeFile(path.join(dirs.content, 'films', 'files', `${film}.mp4`), original.subarray(0, 2000))
      await expect(prepareFilm(dirs.content, withVideo)).rejects.toThrow()
      expect(await snapshot()).toEqual(good)
      await writeFile(path.join(dirs.content, 'films', 'files', `${film}.mp4`), original)
    })

    it('refuses a film with no original, naming both ways to give it one', async () => {
      await expect(prepareFilm(dirs.content, { slug: 'no-such-film' })).rejects.toThrow(
        'films/no-such-film.yaml: the film has no original video: put it in content/films/files/ (MP4 or WebM) and name it in video:, or register it as a generated demo film',
      )
    })

    it('names the film and the file when its video is missing', async () => {
      await expect(prepareFilm(dirs.content, { slug: film, video: 'glemt.mp4' })).rejects.toThrow(`films/${film}.yaml: video: films/files/glemt.mp4 does not exist`)
    })
  })
})

describe('pruning the film cache', () => {
  const dirs = privateFilmWorkspace(async (content, cache) => {
    for (const [name, seconds] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      makeVideo('mp4', seconds, path.join(content, 'films', 'files', `${name}.mp4`))
    // What an earlier build left of a film that has since been deleted.
    await mkdir(path.join(cache, 'slettet-film'))
    await writeFile(path.join(cache, 'slettet-film', '0123456789abcdef.json'), '{}')
  })

  /** A build's film step with the film's video set to `name`; returns the generation's files and what was encoded. */
  async function build(name: string) {
    const file = path.join(dirs.content, 'films', `${film}.yaml`)
    const yaml = (await readFile(file, 'utf8')).replace(/^video: .*\n/m, '')
    await writeFile(file, yaml.replace('poster: film-plakat\n', `poster: film-plakat\nvideo: ${name}.mp4\n`))
    const encoded: string[] = []
    const media = (await prepareFilmMedia(dirs.content, await loadContent(dirs.content), (what) => encoded.push(what))).get(film)!
    const files = [`${media.sourceHash}.json`, ...media.renditions.map((r) => r.file), ...media.posters.map((p) => p.file)]
    return { files, encoded }
  }
  const present = async (files: string[]) => {
    const names = await readdir(path.join(dirs.cache, film))
    return files.every((f) => names.includes(f))
  }
  const gone = async (files: string[]) => {
    const names = await readdir(path.join(dirs.cache, film))
    return files.every((f) => !names.includes(f))
  }

  it("keeps the current and the previous original's files, removes older ones and deleted films' folders a run later", async () => {
    const a = await build('a')
    expect(await readdir(dirs.cache)).toContain('slettet-film') // a build still running may need it
    const b = await build('b')
    expect(await readdir(dirs.cache)).not.toContain('slettet-film')
    expect(await present([...a.files, ...b.files])).toBe(true)
    const c = await build('c')
    expect(await gone(a.files)).toBe(true)
    // b's files stay: a build that started before this one may still be copying them.
    expect(await present([...b.files, ...c.files])).toBe(true)
    expect((await readdir(path.join(dirs.cache, film))).sort()).toEqual([...b.files, ...c.files].sort())
  })

  it('going back to the previous original encodes nothing and keeps the one it replaced', async () => {
    const b = await build('b')
    expect(b.encoded).toEqual([])
    const c = await build('c')
    expect(c.encoded).toEqual([])
    const b2 = await build('b')
    expect(await present([...b2.files, ...c.files])).toBe(true)
  })
})

describe('the films stylesheet', () => {
  it('uses logical properties only, so right-to-left pages mirror', async () => {
    const css = await readFile(path.join(root, 'site/styles/films.css'), 'utf8')
    expect(css).not.toMatch(/(margin|padding|border)-(left|right)|[^-](left|right)\s*:|text-align\s*:\s*(left|right)|float\s*:/)
  })
})

describe('the rendition a reader starts with', () => {
  it.each([
    [undefined, true],
    [{ saveData: true, effectiveType: '4g' }, true],
    [{ type: 'cellular', effectiveType: '4g' }, true],
    [{ effectiveType: '3g' }, true],
    [{ type: 'wifi', effectiveType: '4g', saveData: false }, false],
    [{ effectiveType: '4g' }, false],
  ])('small for %j: %s', (connection, small) => expect(prefersSmall(connection)).toBe(small))
})

describe('the local server', () => {
  let server: Server
  const port = 4960
  beforeAll(async () => (server = await serveSite(inject('siteDir'), port)))
  afterAll(() => server?.close())

  it('answers range requests for video, uncompressed, byte for byte', async () => {
    const dir = path.join(inject('siteDir'), 'films', film)
    const name = (await readdir(dir)).find((n) => n.endsWith('-360p.mp4'))!
    const bytes = await readFile(path.join(dir, name))
    const res = await fetch(`http://127.0.0.1:${port}/films/${film}/${name}`, { headers: { range: 'bytes=1000-1999', 'accept-encoding': 'gzip' } })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe(`bytes 1000-1999/${bytes.length}`)
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(res.headers.get('content-type')).toBe('video/mp4')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes.subarray(1000, 2000))
    const open = await fetch(`http://127.0.0.1:${port}/films/${film}/${name}`, { headers: { range: 'bytes=0-', 'accept-encoding': 'gzip' } })
    expect(open.status).toBe(206)
    expect((await open.arrayBuffer()).byteLength).toBe(bytes.length)
  })

  it('serves subtitles as text/vtt', async () => {
    const name = (await readdir(path.join(inject('siteDir'), 'films', film))).find((n) => n.startsWith('ar-') && n.endsWith('.vtt'))!
    const res = await fetch(`http://127.0.0.1:${port}/films/${film}/${name}`)
    expect(res.headers.get('content-type')).toMatch(/^text\/vtt/)
    expect(await res.text()).toMatch(/^WEBVTT/)
  })
})
