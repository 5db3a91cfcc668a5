/**
 * The film page's player: the small rendition stays on mobile data, with Save-Data or when the
 * connection is unknown; on a fast connection that is not mobile data the larger one is chosen.
 * The reader can switch either way (the time and play state are kept), choose subtitles, and jump
 * to a chapter or a line of the transcript, also from a link to a moment (#t-<seconds>).
 */
import { secondsOfAnchor } from '../films/anchors.ts'

interface NetworkInformationLike {
  saveData?: boolean
  type?: string
  effectiveType?: string
}

/** Whether to start with the small file: mobile data, Save-Data, a slow or unknown connection. */
export function prefersSmall(connection: NetworkInformationLike | undefined): boolean {
  if (!connection) return true
  return connection.saveData === true || connection.type === 'cellular' || connection.effectiveType !== '4g'
}

export function setUpFilmPlayer(figure: HTMLElement): void {
  const video = figure.querySelector('video')!
  const renditions = JSON.parse(figure.dataset.renditions ?? '[]') as Array<{ name: string; src: string; type: string }>
  const controls = figure.querySelector<HTMLElement>('.film-controls')
  controls?.removeAttribute('hidden')
  document.querySelector('.chapters')?.removeAttribute('hidden')
  for (const b of document.querySelectorAll<HTMLButtonElement>('.transcript-cues button[data-seek]')) b.hidden = false

  const choose = (name: string) => {
    const r = renditions.find((x) => x.name === name)
    if (!r || video.currentSrc.endsWith(r.src)) return
    const time = video.currentTime
    const playing = !video.paused
    video.src = r.src
    video.dataset.rendition = name
    if (time > 0) video.addEventListener('loadedmetadata', () => (video.currentTime = time), { once: true })
    if (playing) void video.play()
  }
  const start = prefersSmall((navigator as Navigator & { connection?: NetworkInformationLike }).connection) ? '360p' : '720p'
  video.dataset.rendition = '360p'
  if (start !== '360p') choose(start)
  for (const radio of figure.querySelectorAll<HTMLInputElement>('input[name=rendition]')) {
    radio.checked = radio.value === start
    radio.addEventListener('change', () => radio.checked && choose(radio.value))
  }

  const showSubtitles = (code: string) => {
    for (const track of Array.from(video.textTracks)) track.mode = track.language === code ? 'showing' : 'disabled'
  }
  for (const radio of figure.querySelectorAll<HTMLInputElement>('input[name=subtitles]')) {
    radio.addEventListener('change', () => radio.checked && showSubtitles(radio.value))
  }

  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-seek]')) {
    b.addEventListener('click', () => {
      video.currentTime = Number(b.dataset.seek)
      void video.play()
      video.focus()
    })
  }

  // A link to a moment (#t-17, from the film search): the film waits there, the line is in view.
  const seekToHash = () => {
    const seconds = secondsOfAnchor(location.hash)
    if (seconds === undefined) return
    if (video.readyState >= 1) video.currentTime = seconds
    else video.addEventListener('loadedmetadata', () => (video.currentTime = seconds), { once: true })
  }
  seekToHash()
  window.addEventListener('hashchange', seekToHash)
}
