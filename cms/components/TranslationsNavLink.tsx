import { adminLanguageOf } from '../adminLanguage.ts'

/** Links to the translation dashboard and to one's own queue, under the collections in the admin's navigation. */
export function TranslationsNavLink({ i18n }: { i18n?: { language?: string } }) {
  const da = adminLanguageOf(i18n) === 'da'
  return (
    <>
      <a href="/admin/translations" className="nav__link" style={{ display: 'block', padding: '0.25rem 0' }}>
        {da ? 'Oversættelser' : 'Translations'}
      </a>
      <a href="/admin/translations/mine" className="nav__link" style={{ display: 'block', padding: '0.25rem 0' }}>
        {da ? 'Mine oversættelser' : 'My translations'}
      </a>
    </>
  )
}
