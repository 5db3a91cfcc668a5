import { adminLanguageOf } from '../adminLanguage.ts'

/** A link to the translation dashboard under the collections in the admin's navigation. */
export function TranslationsNavLink({ i18n }: { i18n?: { language?: string } }) {
  return (
    <a href="/admin/translations" className="nav__link" style={{ display: 'block', padding: '0.25rem 0' }}>
      {adminLanguageOf(i18n) === 'da' ? 'Oversættelser' : 'Translations'}
    </a>
  )
}
