import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { directionOf, getLocale, isLocaleCode, localeCodes, locales, rtlScripts, sourceLocale } from '../../locales/registry.ts'

describe('locale registry', () => {
  it('holds the 21 launch languages with Danish as the source', () => {
    expect(localeCodes).toEqual(['da', 'en', 'ar', 'fa', 'prs', 'ps', 'ur', 'so', 'ti', 'ku', 'ckb', 'tr', 'uk', 'ru', 'pl', 'ro', 'lt', 'bg', 'vi', 'th', 'tl'])
    expect(sourceLocale).toBe('da')
  })

  it('writes exactly Arabic, Farsi, Dari, Pashto, Urdu and Sorani right to left', () => {
    expect(
      locales
        .filter((l) => l.dir === 'rtl')
        .map((l) => l.code)
        .sort(),
    ).toEqual(['ar', 'ckb', 'fa', 'prs', 'ps', 'ur'])
  })

  it('falls back to the script list when Intl knows no direction', () => {
    const original = Intl.Locale
    // An engine without text info (older V8, other runtimes).
    class NoTextInfo extends original {
      getTextInfo = undefined
      textInfo = undefined
    }
    ;(Intl as { Locale: typeof Intl.Locale }).Locale = NoTextInfo as unknown as typeof Intl.Locale
    try {
      expect(directionOf('prs', 'Arab')).toBe('rtl')
      expect(directionOf('ti', 'Ethi')).toBe('ltr')
      expect(directionOf('he', 'Hebr')).toBe('rtl')
    } finally {
      ;(Intl as { Locale: typeof Intl.Locale }).Locale = original
    }
    expect(rtlScripts.has('Arab')).toBe(true)
  })

  it('has an endonym in its own script, a font and a valid fallback for every language', () => {
    for (const l of locales) {
      expect(l.endonym.length, l.code).toBeGreaterThan(1)
      expect(() => new Intl.Locale(l.code)).not.toThrow()
      if (l.code !== sourceLocale) expect(isLocaleCode(l.fallback), l.code).toBe(true)
    }
    expect(getLocale('ti').endonym).toBe('ትግርኛ')
    expect(getLocale('ur').font).toBe('Noto Nastaliq Urdu')
  })

  it('rejects an unknown locale with the list of known ones', () => {
    expect(() => getLocale('xx')).toThrow(/Unknown locale "xx". Known locales: da, en, ar/)
  })

  it('has a strings folder for every language and no folder for an unknown one', async () => {
    const dir = path.resolve(import.meta.dirname, '../../locales')
    const folders = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name)
    expect(folders.sort()).toEqual([...localeCodes].sort())
  })
})
