/**
 * /admin/translations: translation coverage per language and collection, as bars of the four
 * states, from the latest versions in the CMS. The same numbers as `npm run translations:report`.
 */
import type { AdminViewServerProps } from 'payload'
import { AdminPage, signedInOnly } from './AdminPage.tsx'
import { coverageReport } from '../../content/coverage-report.ts'
import { contentKinds, type ContentSet } from '../../content/collections.ts'
import { translationStates, type Coverage } from '../../content/translations.ts'
import { contentSet } from '../translations/documents.ts'
import { stateStyle } from './stateStyle.ts'
import { adminLanguageOf, languageName, type AdminLanguage } from '../adminLanguage.ts'
import { collectionLabels } from '../adminLabels.ts'

const text = {
  da: {
    heading: 'Oversættelser',
    intro: 'Tekstfelter pr. sprog',
    latest: 'Seneste versioner, kladder medregnet.',
    language: 'Sprog',
    all: 'Alle samlinger',
    current: 'Aktuelle',
    committed: 'Lovet',
    below: 'under',
    queue: 'Mine oversættelser: hvad der mangler, dokument for dokument',
  },
  en: {
    heading: 'Translations',
    intro: 'Text fields per language',
    latest: 'Latest versions, drafts included.',
    language: 'Language',
    all: 'All collections',
    current: 'Current',
    committed: 'Committed',
    below: 'below',
    queue: 'My translations: what is missing, document by document',
  },
}

function Bar({ counts, label, lang }: { counts: Coverage; label: string; lang: AdminLanguage }) {
  const total = translationStates.reduce((n, s) => n + counts[s], 0) || 1
  return (
    <div
      role="img"
      aria-label={`${label}: ${translationStates.map((s) => `${counts[s]} ${stateStyle[s].label[lang]}`).join(', ')}`}
      style={{ display: 'flex', height: '1.1rem', minWidth: '12rem', borderRadius: 3, overflow: 'hidden', border: '1px solid var(--theme-elevation-150)' }}
    >
      {translationStates.map((s) =>
        counts[s] ? (
          <span
            key={s}
            title={`${counts[s]} ${stateStyle[s].label[lang]}`}
            style={{ width: `${(counts[s] / total) * 100}%`, background: stateStyle[s].background, borderInlineEnd: `2px solid ${stateStyle[s].color}` }}
          />
        ) : null,
      )}
    </div>
  )
}

export async function TranslationDashboard({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  signedInOnly(initPageResult, '/translations')
  const set = (await contentSet(req.payload)) as unknown as ContentSet
  const report = coverageReport(set)
  const lang = adminLanguageOf(req.i18n)
  const t = text[lang]
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <h1>{t.heading}</h1>
      <p>
        {t.intro}: {translationStates.map((s) => `${stateStyle[s].symbol} ${stateStyle[s].label[lang]}`).join(' · ')}. {t.latest}
      </p>
      <p>
        <a href="/admin/translations/mine" className="queue-link">
          {t.queue}
        </a>
      </p>
      <table className="translation-coverage" style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'start' }}>
              {t.language}
            </th>
            <th scope="col" style={{ textAlign: 'start' }}>
              {t.all}
            </th>
            {translationStates.map((s) => (
              <th key={s} scope="col">
                {stateStyle[s].label[lang]}
              </th>
            ))}
            <th scope="col">{t.current}</th>
            <th scope="col">{t.committed}</th>
          </tr>
        </thead>
        <tbody>
          {report.map((r) => (
            <tr key={r.locale} data-locale={r.locale} style={{ borderTop: '1px solid var(--theme-elevation-100)' }}>
              <th scope="row" style={{ textAlign: 'start', fontWeight: 'normal' }}>
                <details>
                  <summary>
                    {languageName(r.locale, lang, { capitalised: true })} ({r.locale})
                  </summary>
                  <table>
                    <tbody>
                      {contentKinds.map((k) => (
                        <tr key={k} data-collection={k}>
                          <th scope="row" style={{ textAlign: 'start', fontWeight: 'normal', paddingInlineEnd: '1rem' }}>
                            {collectionLabels[k]!.plural[lang]}
                          </th>
                          <td>
                            <Bar counts={r.byCollection[k]} label={`${r.locale} ${collectionLabels[k]!.plural[lang]}`} lang={lang} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </th>
              <td>
                <Bar counts={r.total} label={r.locale} lang={lang} />
              </td>
              {translationStates.map((s) => (
                <td key={s} data-state={s} style={{ textAlign: 'end' }}>
                  {r.total[s]}
                </td>
              ))}
              <td style={{ textAlign: 'end' }}>{Math.round(r.current * 100)}%</td>
              <td style={{ textAlign: 'end', color: r.belowRequired ? stateStyle.outdated.color : undefined }}>
                {r.required === undefined ? '' : `${Math.round(r.required * 100)}%${r.belowRequired ? ` — ${t.below}` : ''}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminPage>
  )
}
