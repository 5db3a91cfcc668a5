/**
 * The list view's translation column: one compact badge per language that has text (and per
 * committed language even without), marked by the most urgent state of its fields.
 */
import type { DefaultServerCellComponentProps } from 'payload'
import { documentStates } from '../../content/translations.ts'
import { getLocale, targetLocaleCodes } from '../../locales/registry.ts'
import { contentDocument } from '../translations/documents.ts'
import { stateStyle, summaryState } from './stateStyle.ts'
import { adminLanguageOf, languageName } from '../adminLanguage.ts'

export async function TranslationBadges({ rowData, collectionConfig, payload, i18n }: DefaultServerCellComponentProps) {
  const lang = adminLanguageOf(i18n)
  const doc = await contentDocument(payload, collectionConfig.slug, rowData.id as number | string)
  const badges = targetLocaleCodes
    .map((locale) => ({ locale, state: summaryState(Object.values(documentStates(doc, locale))) }))
    .filter((b) => b.state !== 'missing' || getLocale(b.locale).required !== undefined)
  return (
    <span className="translation-badges" style={{ display: 'inline-flex', flexWrap: 'wrap', gap: '0.25rem' }}>
      {badges.map(({ locale, state }) => (
        <span
          key={locale}
          data-locale={locale}
          data-state={state}
          title={`${languageName(locale, lang, { capitalised: true })}: ${stateStyle[state].label[lang]}`}
          style={{ color: stateStyle[state].color, background: stateStyle[state].background, borderRadius: '0.75rem', padding: '0 0.4rem', fontSize: '0.8rem', whiteSpace: 'nowrap' }}
        >
          {locale} {stateStyle[state].symbol}
          <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}> {stateStyle[state].label[lang]}</span>
        </span>
      ))}
    </span>
  )
}
