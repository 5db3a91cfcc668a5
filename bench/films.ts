/**
 * Film benchmarks (for `npm run bench`): benchFilms(scratch, report)
 * - bytes per minute of each rendition of the demo film;
 * - rendition time per minute of video on this machine (each rendition encoded again from the
 *   original into the scratch folder), and the demo original's generation time;
 * - time to first frame of the film page under Lighthouse's mobile throttling (150 ms RTT,
 *   1.6 Mbit/s down × 0.9, 750 kbit/s up × 0.9, CPU 4× slower), cold cache, small and large file;
 * - visit mode's kit for one film in three languages (da, en, ar): bytes, small file only and with
 *   the larger one.
 */
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { loadContent } from '../content/load.ts'
import { buildSite } from '../site/build/build-site.ts'
import { makeDemoOriginal } from '../site/films/demo-original.ts'
import { ffprobe } from '../site/films/ffmpeg.ts'
import { encodeRendition } from '../site/films/renditions.ts'
import { serveSite } from '../site/server/serve.ts'
import { launchChromium } from '../site/print/chromium.ts'
import { demoFilms, filmCacheDir, filmSource, renditionSpecs, sourceHash } from '../site/films/media.ts'
import { kitEntries, type KitManifest } from '../site/films/kit.ts'
import { urls } from '../content/urls.ts'
import { ensureSystemPackages } from '../system/packages.ts'

type Report = (what: string, figure: string) => void
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`

export async function benchFilms(scratch: string, report: Report): Promise<void> {
  ensureSystemPackages(['ffmpeg', 'chromium'])
  const root = path.resolve(import.meta.dirname, '..')
  const contentDir = path.join(root, 'content')
  const set = await loadContent(contentDir)
  const film = set.films[0]
  if (!film) return
  const site = path.join(scratch, 'films-site')
  await buildSite({ root, contentDir, outDir: site })
  const kit = JSON.parse(await readFile(path.join(site, urls.visitKit()), 'utf8')) as KitManifest
  const entry = kit.films.find((f) => f.slug === film.slug)!

  for (const r of entry.renditions) {
    const p = await ffprobe(path.join(site, r.url))
    report(`films: ${r.name} rendition, bytes per minute of video`, `${mb(r.bytes / (p.durationSeconds / 60))}/min  (${mb(r.bytes)} for ${p.durationSeconds.toFixed(1)} s)`)
  }

  // Encoding time on this machine, from the original again, into the scratch folder.
  const source = filmSource(contentDir, film)!
  const original = source.kind === 'file' ? source.file : path.join(filmCacheDir(), film.slug, `source-${sourceHash(source)}.mp4`)
  const duration = (await ffprobe(original)).durationSeconds
  const out = path.join(scratch, 'films-encode')
  await mkdir(out, { recursive: true })
  for (const spec of renditionSpecs) {
    const t = performance.now()
    await encodeRendition(original, path.join(out, `${spec.name}.mp4`), spec, duration, () => {})
    const s = (performance.now() - t) / 1000
    report(`films: ${spec.name} rendition time per minute of video`, `${(s / (duration / 60)).toFixed(1)} s/min  (${s.toFixed(1)} s for ${duration.toFixed(0)} s)`)
  }
  if (source.kind === 'demo') {
    const t = performance.now()
    await makeDemoOriginal(out, sourceHash(source), source, () => {}, film.slug, true)
    report(`films: demo original generated (${demoFilms[film.slug]!.durationSeconds} s of 720p)`, `${((performance.now() - t) / 1000).toFixed(1)} s`)
  }

  const kitBytes = Buffer.byteLength(JSON.stringify(kit))
  for (const large of [false, true]) {
    const entries = kitEntries(kit, { films: [film.slug], langs: ['da', 'en', 'ar'], large }, urls.visit('da'), urls.visitKit(), kitBytes)
    const bytes = entries.reduce((n, e) => n + e.bytes, 0)
    report(`films: visit kit, one film in da/en/ar${large ? ' with the 720p file' : ''}`, `${mb(bytes)}  (${entries.length} files and pages)`)
  }

  const port = 4962
  const server = await serveSite(site, port)
  const browser = await launchChromium()
  try {
    for (const rendition of ['360p', '720p']) {
      const context = await browser.newContext()
      // The page picks the file from the Network Information API, which CDP throttling does not
      // change: report what a phone on mobile data, or a tablet on Wi-Fi, would.
      const connection = rendition === '360p' ? { type: 'cellular', effectiveType: '3g', saveData: false } : { type: 'wifi', effectiveType: '4g', saveData: false }
      await context.addInitScript({ content: `Object.defineProperty(Navigator.prototype, 'connection', { get: () => (${JSON.stringify(connection)}) })` })
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 })
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      const src = entry.renditions.find((r) => r.name === rendition)!.url
      const t = performance.now()
      await page.goto(`http://127.0.0.1:${port}${urls.film('da', film.slug)}`)
      await page.waitForFunction(() => document.querySelector('video')!.currentSrc !== '')
      // The reader presses play: the first frame is the first one the video element presents.
      await page.evaluate(
        (s) =>
          new Promise<void>((resolve, reject) => {
            const v = document.querySelector('video')!
            v.muted = true
            if (!v.currentSrc.endsWith(s)) reject(new Error(`the page chose ${v.currentSrc}, not ${s}`))
            v.requestVideoFrameCallback(() => resolve())
            v.play().catch(reject)
          }),
        src,
      )
      const s = (performance.now() - t) / 1000
      report(`films: time to first frame from opening the page, throttled mobile, ${rendition}`, `${s.toFixed(2)} s`)
      await context.close()
    }
  } finally {
    await browser.close()
    server.close()
  }
}
