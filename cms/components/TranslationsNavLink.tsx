/** A link to the translation dashboard under the collections in the admin's navigation. */
export function TranslationsNavLink() {
  return (
    <a href="/admin/translations" className="nav__link" style={{ display: 'block', padding: '0.25rem 0' }}>
      Translations
    </a>
  )
}
