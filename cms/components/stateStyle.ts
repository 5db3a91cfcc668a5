import type { TranslationState } from '../../content/translations.ts'
import type { Bilingual } from '../adminLanguage.ts'

/** How each translation state looks in the admin: a word and a colour with a symbol, never colour alone. */
export const stateStyle: Record<TranslationState, { label: Bilingual; symbol: string; color: string; background: string }> = {
  translated: { label: { da: 'oversat (gennemset)', en: 'translated (reviewed)' }, symbol: '✓', color: '#0b5d2a', background: '#dcf3e3' },
  machine: { label: { da: 'maskinoversat (ikke gennemset)', en: 'machine (unreviewed)' }, symbol: '~', color: '#5c4a00', background: '#fbf0c6' },
  outdated: { label: { da: 'forældet', en: 'outdated' }, symbol: '!', color: '#8a1c1c', background: '#fbe0dd' },
  missing: { label: { da: 'mangler', en: 'missing' }, symbol: '·', color: '#4a4b4f', background: '#ececec' },
}

/** One state for a whole document in a locale: the most urgent of its fields. */
export function summaryState(states: TranslationState[]): TranslationState {
  if (states.includes('outdated')) return 'outdated'
  if (states.every((s) => s === 'missing')) return 'missing'
  if (states.includes('machine') || states.includes('missing')) return 'machine'
  return 'translated'
}
