/**
 * Generates a large, valid content set for benchmarks: the demo content plus N synthetic
 * activities in Danish, English and Arabic. Written to a folder of the caller's choosing; never
 * committed.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { activityThemes, guestKinds, groupPhases, materialsLevels, seasons, type Activity } from './schema/index.ts'
import { serializeDocument } from './serialize.ts'

const words = {
  da: ['leg', 'sang', 'baby', 'mor', 'mad', 'søvn', 'tur', 'bog', 'vand', 'maling', 'rim', 'dans', 'massage', 'tæppe', 'bold'],
  en: ['play', 'song', 'baby', 'mother', 'food', 'sleep', 'walk', 'book', 'water', 'paint', 'rhyme', 'dance', 'massage', 'mat', 'ball'],
  ar: ['لعب', 'أغنية', 'طفل', 'أم', 'طعام', 'نوم', 'نزهة', 'كتاب', 'ماء', 'رسم', 'قافية', 'رقص', 'تدليك', 'بساط', 'كرة'],
} as const

/** A deterministic pseudo-random sequence, so every run generates the same set. */
function rng(seed: number) {
  let x = seed
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31
    return x / 2 ** 31
  }
}

const slugPrefix = 'genereret-aktivitet-'
/** Whether an activity is one of the generated ones (and not the demo's). */
export const isGenerated = (a: Pick<Activity, 'slug'>): boolean => a.slug.startsWith(slugPrefix)

export function generateActivity(i: number): Activity {
  const r = rng(i + 1)
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!
  const sentence = (lang: keyof typeof words, n: number) => Array.from({ length: n }, () => pick(words[lang])).join(' ')
  const text = (n: number) => ({ da: `${sentence('da', n)} ${i}.`, en: `${sentence('en', n)} ${i}.`, ar: `${sentence('ar', n)} ${i}.` })
  const list = (count: number, n: number) => ({
    da: Array.from({ length: count }, () => `${sentence('da', n)}.`),
    en: Array.from({ length: count }, () => `${sentence('en', n)}.`),
    ar: Array.from({ length: count }, () => `${sentence('ar', n)}.`),
  })
  const min = Math.floor(r() * 6)
  return {
    slug: `${slugPrefix}${i}`,
    title: text(3),
    summary: text(14),
    purpose: text(18),
    steps: list(5, 12),
    materials: list(3, 3),
    materialsLevel: pick(materialsLevels),
    durationMinutes: 15 + Math.floor(r() * 12) * 5,
    babyAgeMonths: { min, max: min + 6 },
    groupSize: { min: 3, max: 10 },
    groupPhase: pick(groupPhases),
    themes: [pick(activityThemes)],
    guest: pick(guestKinds),
    worksWithoutSharedLanguage: r() > 0.5,
    seasons: [pick(seasons)],
    tips: text(16),
    images: [],
    translationStatus: { en: 'machine', ar: 'machine' },
  }
}

export async function generateContent(source: string, target: string, activities: number): Promise<void> {
  await cp(source, target, { recursive: true })
  const dir = path.join(target, 'activities')
  await mkdir(dir, { recursive: true })
  for (let i = 0; i < activities; i++) {
    const { images: _none, ...doc } = generateActivity(i)
    await writeFile(path.join(dir, `${doc.slug}.yaml`), serializeDocument(doc))
  }
}
