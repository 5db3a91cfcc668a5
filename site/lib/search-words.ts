/**
 * Words as the catalogue's quick search compares them (./quick-index.ts builds its index with
 * this, site/client/quick-search.ts splits a query with it): split by the language's own word
 * rules (Intl.Segmenter, so Thai, which has no spaces, splits too), lowercased, and accents
 * dropped where they are accents (é and å, the Arabic short vowels) so "cafe" finds "café".
 * Runs in the build and in the browser alike.
 */

/** A word's index key: its first two letters. A shorter query word is not looked up. */
export const keyLength = 2

// Marks on Latin, Cyrillic and Arabic letters are accents and vowel signs a reader may leave out;
// in Thai or Ethiopic they are part of the letter.
const accents = /(?<=[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}])\p{M}+/gu

export const fold = (word: string): string => word.normalize('NFKD').replace(accents, '').normalize('NFC').toLowerCase()

const segmenters = new Map<string, Intl.Segmenter>()

/** The language's word rules, made once. */
export function wordSegmenter(lang: string): Intl.Segmenter {
  const made = segmenters.get(lang) ?? new Intl.Segmenter(lang, { granularity: 'word' })
  segmenters.set(lang, made)
  return made
}

/** The folded words of `text` in `lang`, in order, each at least keyLength letters long. */
export function searchWords(text: string, lang: string): string[] {
  const out: string[] = []
  for (const s of wordSegmenter(lang).segment(text)) {
    if (!s.isWordLike) continue
    const w = fold(s.segment)
    if ([...w].length >= keyLength) out.push(w)
  }
  return out
}

/** The key of the index file that holds `word`. */
export const wordKey = (word: string): string => [...word].slice(0, keyLength).join('')

/** A key as a file name: its code points in hex ("ma" → "6d-61"), safe on every file system. */
export const keyFileName = (key: string): string => [...key].map((c) => c.codePointAt(0)!.toString(16)).join('-')
