/**
 * Visit mode's kit: from the manifest (/films/kit.json) and the health visitor's choice, the exact
 * list of files and pages to keep on her device. Plain code shared by the page and the tests.
 */
import type { LocaleCode } from '../../locales/registry.ts'

export interface KitFile {
  url: string
  bytes: number
}

/** What visit mode can save: written to /films/kit.json after the build. */
export interface KitManifest {
  /** Changes whenever any file or page below changes: visit mode then refreshes its kit. */
  version: string
  films: Array<{
    slug: string
    durationSeconds: number
    renditions: Array<KitFile & { name: string; type: string; height: number }>
    poster: KitFile
    subtitles: Partial<Record<LocaleCode, KitFile>>
    pages: Partial<Record<LocaleCode, string>>
  }>
  /** Pages visit mode may save, with a hash of their HTML and the files they need (scripts, fonts). */
  pages: Record<string, { hash: string; bytes: number; needs: KitFile[] }>
  visit: Partial<Record<LocaleCode, string>>
}

export interface KitEntry {
  url: string
  bytes: number
  /** A page's HTML hash; a file's URL already names its content. */
  rev?: string
}
export interface KitState {
  savedAt: string
  /** The visit page the kit was saved from (its language is the health visitor's). */
  home: string
  choice: { films: string[]; langs: string[]; large: boolean }
  version: string
  entries: KitEntry[]
}

export interface KitChoice {
  films: string[]
  langs: string[]
  large: boolean
}

/** Every file and page the choice needs, each once; pages carry the hash of their HTML. */
export function kitEntries(kit: KitManifest, choice: KitChoice, home: string, kitUrl: string, kitBytes: number): KitEntry[] {
  const out = new Map<string, KitEntry>()
  const add = (e: KitEntry) => {
    if (!out.has(e.url)) out.set(e.url, e)
  }
  const addPage = (url: string) => {
    const page = kit.pages[url]
    if (!page) return
    add({ url, bytes: page.bytes, rev: page.hash })
    for (const n of page.needs) add(n)
  }
  add({ url: kitUrl, bytes: kitBytes, rev: kit.version })
  addPage(home)
  for (const film of kit.films.filter((f) => choice.films.includes(f.slug))) {
    add(film.poster)
    for (const r of film.renditions) if (r.name === '360p' || choice.large) add(r)
    for (const lang of choice.langs) {
      const sub = film.subtitles[lang as keyof typeof film.subtitles]
      if (sub) add(sub)
      const page = film.pages[lang as keyof typeof film.pages]
      if (page) addPage(page)
    }
  }
  return [...out.values()]
}

/** Whether a saved kit differs from what the same choice needs now (a film or subtitle changed). */
export function kitOutdated(saved: KitEntry[], now: KitEntry[]): boolean {
  const had = new Map(saved.map((e) => [e.url, e.rev]))
  return now.length !== saved.length || now.some((e) => !had.has(e.url) || had.get(e.url) !== e.rev)
}

/** "1.4 MB" in the reader's language and digits. */
export function megabytes(bytes: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / 1e6)
}

/** A time in a film, m:ss. */
export function clock(seconds: number): string {
  const s = Math.floor(seconds)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}
