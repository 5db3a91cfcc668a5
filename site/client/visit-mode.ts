/**
 * Visit mode in the browser: the kit (what is saved on this device) through the service worker,
 * registered with workbox-window only here; and the player for the visit.
 */
import { Workbox } from 'workbox-window'
import { kitEntries, kitOutdated, megabytes, type KitChoice, type KitManifest, type KitState } from '../films/kit.ts'

interface VisitFilm {
  slug: string
  title: string
  poster: string
  renditions: Record<string, { src: string; type: string }>
  subtitles: Array<{ code: string; endonym: string; dir: string; src: string }>
  chapters: Array<{ start: number; label: string }>
}
interface VisitData {
  lang: string
  home: string
  kit: string
  worker: string
  films: VisitFilm[]
  strings: Record<string, string>
}

const fill = (text: string, values: Record<string, string>) => text.replace(/{{(\w+)}}/g, (_, k: string) => values[k] ?? '')

export async function setUpVisitMode(el: HTMLElement): Promise<void> {
  const data = JSON.parse(el.textContent ?? '{}') as VisitData
  const s = data.strings
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null
  const status = $('visit-status')!
  const form = $<HTMLFormElement>('kit-form')!
  const progress = $<HTMLProgressElement>('kit-progress')!
  const progressText = $('kit-progress-text')!
  const savedText = $('kit-saved')!
  const storageText = $('kit-storage')!
  const remove = $<HTMLButtonElement>('kit-remove')!
  const size = (bytes: number) => megabytes(bytes, data.lang)
  const player = setUpPlayer(data)

  const supported = 'serviceWorker' in navigator && 'caches' in window
  if (!supported) {
    status.textContent = s.unsupported!
    form.querySelector('button')!.disabled = true
    return
  }
  const wb = new Workbox(data.worker, { scope: '/' })
  let registered = false
  const register = async () => {
    if (!registered) await wb.register()
    registered = true
    return navigator.serviceWorker.ready
  }
  // The worker is only installed once she saves a kit; afterwards every visit keeps it current.
  if (await navigator.serviceWorker.getRegistration('/')) await register()

  const showStorage = async () => {
    const estimate = await navigator.storage?.estimate?.()
    storageText.textContent = estimate?.usage !== undefined ? fill(s.storage!, { used: size(estimate.usage) }) : ''
  }
  const showState = (state: KitState | null) => {
    remove.hidden = !state
    if (!state) {
      savedText.textContent = s.notSaved!
      return
    }
    const date = new Intl.DateTimeFormat(data.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(state.savedAt))
    savedText.textContent = fill(s.saved!, { date, size: size(state.entries.reduce((n, e) => n + e.bytes, 0)) })
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name=film]')) box.checked = state.choice.films.includes(box.value)
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name=lang]')) box.checked = state.choice.langs.includes(box.value)
    form.querySelector<HTMLInputElement>('input[name=large]')!.checked = state.choice.large
  }

  const ask = async <T>(message: object): Promise<T> => {
    await register()
    return (await wb.messageSW(message)) as T
  }

  /** Sends a kit to the worker to save, showing progress; resolves with the saved state. */
  const save = (state: KitState): Promise<KitState> =>
    new Promise((resolve, reject) => {
      void register().then((registration) => {
        const channel = new MessageChannel()
        progress.hidden = false
        channel.port1.onmessage = (event: MessageEvent) => {
          const m = event.data as { type: string; done?: number; total?: number; state?: KitState; message?: string }
          if (m.type === 'progress') {
            progress.max = Math.max(1, m.total!)
            progress.value = m.done!
            progressText.textContent = fill(s.saving!, { done: size(m.done!), total: size(m.total!) })
          } else if (m.type === 'saved') {
            progress.hidden = true
            progressText.textContent = ''
            resolve(m.state!)
          } else if (m.type === 'error') {
            progress.hidden = true
            reject(new Error(m.message))
          }
        }
        registration.active!.postMessage({ type: 'save', state }, [channel.port2])
      }, reject)
    })

  /** The kit the choice needs now, from the manifest on the server (or the saved copy). */
  const wantedState = async (choice: KitChoice): Promise<KitState> => {
    const response = await fetch(data.kit, { cache: 'no-store' })
    if (!response.ok) throw new Error(`${data.kit}: HTTP ${response.status}`)
    const text = await response.text()
    const kit = JSON.parse(text) as KitManifest
    return { savedAt: '', home: data.home, choice, version: kit.version, entries: kitEntries(kit, choice, data.home, data.kit, new TextEncoder().encode(text).length) }
  }

  let state: KitState | null = registered ? (await ask<{ state: KitState | null }>({ type: 'status' })).state : null
  showState(state)
  player.limitTo(state)
  void showStorage()

  if (!navigator.onLine) status.textContent = s.offline!
  else if (state) {
    // Something changed on the server (a film, a subtitle, a page): refresh the kit now.
    try {
      const wanted = await wantedState(state.choice)
      if (kitOutdated(state.entries, wanted.entries)) {
        status.textContent = s.updating!
        state = await save({ ...wanted, home: state.home })
        showState(state)
        player.limitTo(state)
        status.textContent = s.updated!
        void showStorage()
      }
    } catch {
      status.textContent = s.offline!
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const values = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name=${name}]:checked`)].map((b) => b.value)
    const choice: KitChoice = { films: values('film'), langs: values('lang'), large: form.querySelector<HTMLInputElement>('input[name=large]')!.checked }
    status.textContent = ''
    try {
      await navigator.storage?.persist?.()
      state = await save(await wantedState(choice))
      showState(state)
      player.limitTo(state)
    } catch (e) {
      status.textContent = fill(s.saveFailed!, { reason: (e as Error).message })
    }
    void showStorage()
  })

  remove.addEventListener('click', async () => {
    await ask({ type: 'remove' })
    state = null
    showState(null)
    player.limitTo(null)
    status.textContent = s.removed!
    void showStorage()
  })
}

/** The visit player: big buttons, full screen, the mother's subtitles switched in place. */
function setUpPlayer(data: VisitData) {
  const video = document.getElementById('visit-video') as HTMLVideoElement | null
  const stage = document.getElementById('stage')
  if (!video || !stage) return { limitTo: () => {} }
  const s = data.strings
  const play = document.getElementById('visit-play') as HTMLButtonElement
  const back = document.getElementById('visit-back') as HTMLButtonElement
  const full = document.getElementById('visit-fullscreen') as HTMLButtonElement
  const langButtons = [...document.querySelectorAll<HTMLButtonElement>('#mother-langs button')]
  const chapters = document.querySelector('#visit-chapters ol')!
  let film = data.films[0]!
  let saved: KitState | null = null
  let motherLang = ''

  const showLang = (code: string) => {
    motherLang = code
    for (const track of Array.from(video.textTracks)) track.mode = track.language === code ? 'showing' : 'disabled'
    for (const b of langButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === code))
  }
  const load = () => {
    const rendition = saved?.choice.large && film.renditions['720p'] ? film.renditions['720p'] : film.renditions['360p']!
    const langs = film.subtitles.filter((t) => !saved || saved.choice.langs.includes(t.code))
    video.pause()
    video.replaceChildren()
    const source = document.createElement('source')
    source.src = rendition.src
    source.type = rendition.type
    video.append(source)
    for (const t of langs) {
      const track = document.createElement('track')
      Object.assign(track, { kind: 'subtitles', src: t.src, srclang: t.code, label: t.endonym })
      track.lang = t.code
      track.dir = t.dir
      video.append(track)
    }
    video.poster = film.poster
    video.setAttribute('aria-label', film.title)
    video.load()
    for (const b of langButtons) b.hidden = !langs.some((t) => t.code === b.dataset.lang)
    const keep = langs.find((t) => t.code === motherLang) ?? langs.find((t) => t.code === data.lang) ?? langs[0]
    showLang(keep?.code ?? '')
    chapters.replaceChildren(
      ...film.chapters.map((c) => {
        const li = document.createElement('li')
        const b = document.createElement('button')
        b.type = 'button'
        b.textContent = c.label
        b.addEventListener('click', () => {
          video.currentTime = c.start
          void video.play()
        })
        li.append(b)
        return li
      }),
    )
  }

  for (const b of langButtons) b.addEventListener('click', () => showLang(b.dataset.lang!))
  play.addEventListener('click', () => (video.paused ? void video.play() : video.pause()))
  video.addEventListener('play', () => (play.textContent = s.pause!))
  video.addEventListener('pause', () => (play.textContent = s.play!))
  back.addEventListener('click', () => (video.currentTime = Math.max(0, video.currentTime - 10)))
  full.addEventListener('click', () => (document.fullscreenElement ? void document.exitFullscreen() : void stage.requestFullscreen?.()))
  document.addEventListener('fullscreenchange', () => (full.textContent = document.fullscreenElement ? s.exitFullscreen! : s.fullscreen!))
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=show-film]')) {
    radio.addEventListener('change', () => {
      film = data.films.find((f) => f.slug === radio.value) ?? film
      load()
    })
  }
  load()
  return {
    /** Only what the kit holds is offered (all of it when nothing is saved). */
    limitTo(state: KitState | null) {
      saved = state
      if (state && !state.choice.films.includes(film.slug)) film = data.films.find((f) => state.choice.films.includes(f.slug)) ?? film
      load()
    },
  }
}
