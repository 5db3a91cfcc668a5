/**
 * The edit view's translation panel (sidebar). In Danish: which languages are behind. In another
 * language: each field's state, and for an outdated field what changed in the Danish since the
 * translation was made, as a word diff.
 */
import type { ServerFieldBase } from 'payload'
import { diffWords } from 'diff'
import { documentStates, outdated, project, type Provenance } from '../../content/translations.ts'
import { isLocaleCode, sourceLocale, targetLocaleCodes } from '../../locales/registry.ts'
import { contentDocument, plainText, sourceTextAt } from '../translations/documents.ts'
import { stateStyle } from './stateStyle.ts'
import { adminLanguageOf, languageName } from '../adminLanguage.ts'
import { fieldLabelAt } from '../adminLabels.ts'

const text = {
  da: {
    heading: 'Oversættelser',
    noneBehind: 'Ingen oversættelse er bagud i forhold til den danske tekst.',
    outdatedIn: 'forældet i',
    into: 'Oversættelse til',
    changed: 'hvad der er ændret i den danske tekst, siden den blev oversat',
    gone: 'Den tidligere danske tekst findes ikke længere i historikken. Nu:',
  },
  en: {
    heading: 'Translations',
    noneBehind: 'No translation is behind the Danish text.',
    outdatedIn: 'outdated in',
    into: 'Translation into',
    changed: 'what changed in the Danish since it was translated',
    gone: 'The earlier Danish text is no longer in the history. Now:',
  },
}

/** Each part of a word diff with a React key: where it starts in the old and in the new text. */
function keyed(parts: ReturnType<typeof diffWords>) {
  let before = 0
  let now = 0
  return parts.map((part) => {
    const key = `${before}:${now}`
    if (!part.added) before += part.value.length
    if (!part.removed) now += part.value.length
    return { part, key }
  })
}

const box = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '0.75rem', marginBottom: '1rem' }

export async function TranslationPanel({ id, collectionSlug, payload, req }: ServerFieldBase) {
  if (id === undefined) return null
  const doc = (await contentDocument(payload, collectionSlug, id)) as Record<string, unknown> & Provenance
  const locale = req.locale && isLocaleCode(req.locale) ? req.locale : sourceLocale
  const lang = adminLanguageOf(req.i18n)
  const t = text[lang]
  const fields = payload.collections[collectionSlug as keyof typeof payload.collections]?.config.fields ?? []
  const label = (path: string) => fieldLabelAt(fields, path, lang)

  if (locale === sourceLocale) {
    const behind = targetLocaleCodes.map((l) => ({ l, ...outdated(doc, l) })).filter((b) => b.fields.length > 0)
    return (
      <section className="translation-panel" style={box} aria-label={t.heading}>
        <h4 style={{ marginTop: 0 }}>{t.heading}</h4>
        {behind.length === 0 ? (
          <p>{t.noneBehind}</p>
        ) : (
          <ul>
            {behind.map((b) => (
              <li key={b.l}>
                {languageName(b.l, lang, { capitalised: true })}: {t.outdatedIn} {b.fields.map(label).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
    )
  }

  const states = documentStates(doc, locale)
  const hashes = doc.sourceHashes?.[locale] ?? {}
  const changes = await Promise.all(
    Object.entries(states)
      .filter(([, s]) => s === 'outdated')
      .map(async ([field]) => {
        const before = await sourceTextAt(payload, collectionSlug, id, field, hashes[field]!)
        return { field, before: plainText(before), now: plainText(project(doc[field], sourceLocale)), known: before !== undefined }
      }),
  )
  return (
    <section className="translation-panel" style={box} aria-label={`${t.into} ${languageName(locale, lang)}`}>
      <h4 style={{ marginTop: 0 }}>
        {t.into} {languageName(locale, lang)}
      </h4>
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {Object.entries(states).map(([field, state]) => (
          <li key={field} data-field={field} data-state={state}>
            <span style={{ color: stateStyle[state].color, background: stateStyle[state].background, borderRadius: '0.75rem', padding: '0 0.4rem' }}>
              {stateStyle[state].symbol} {stateStyle[state].label[lang]}
            </span>{' '}
            {label(field)}
          </li>
        ))}
      </ul>
      {changes.map((c) => (
        <div key={c.field} className="source-diff" data-field={c.field}>
          <h5>
            {label(c.field)}: {t.changed}
          </h5>
          {c.known ? (
            <p lang="da" style={{ whiteSpace: 'pre-wrap' }}>
              {keyed(diffWords(c.before, c.now)).map(({ part, key }) =>
                part.added ? (
                  <ins key={key} style={{ background: '#dcf3e3' }}>
                    {part.value}
                  </ins>
                ) : part.removed ? (
                  <del key={key} style={{ background: '#fbe0dd' }}>
                    {part.value}
                  </del>
                ) : (
                  <span key={key}>{part.value}</span>
                ),
              )}
            </p>
          ) : (
            <p>
              {t.gone} <span lang="da">{c.now}</span>
            </p>
          )}
        </div>
      ))}
    </section>
  )
}
