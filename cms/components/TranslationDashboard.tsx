/**
 * /admin/translations: translation coverage per language and collection, as bars of the four
 * states, from the latest versions in the CMS. The same numbers as `npm run translations:report`.
 */
import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { redirect } from 'next/navigation'
import { Gutter } from '@payloadcms/ui'
import { coverageReport } from '../../content/coverage-report.ts'
import { contentKinds, type ContentSet } from '../../content/collections.ts'
import { translationStates, type Coverage } from '../../content/translations.ts'
import { getLocale } from '../../locales/registry.ts'
import { contentSet } from '../translations/documents.ts'
import { stateStyle } from './stateStyle.ts'

function Bar({ counts, label }: { counts: Coverage; label: string }) {
  const total = translationStates.reduce((n, s) => n + counts[s], 0) || 1
  return (
    <div
      role="img"
      aria-label={`${label}: ${translationStates.map((s) => `${counts[s]} ${stateStyle[s].label}`).join(', ')}`}
      style={{ display: 'flex', height: '1.1rem', minWidth: '12rem', borderRadius: 3, overflow: 'hidden', border: '1px solid var(--theme-elevation-150)' }}
    >
      {translationStates.map((s) =>
        counts[s] ? (
          <span
            key={s}
            title={`${counts[s]} ${stateStyle[s].label}`}
            style={{ width: `${(counts[s] / total) * 100}%`, background: stateStyle[s].background, borderInlineEnd: `2px solid ${stateStyle[s].color}` }}
          />
        ) : null,
      )}
    </div>
  )
}

export async function TranslationDashboard({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  // A custom view is not behind the admin's login by itself: staff only, like the rest.
  if (!req.user) redirect('/admin/login?redirect=%2Fadmin%2Ftranslations')
  const set = (await contentSet(req.payload)) as unknown as ContentSet
  const report = coverageReport(set)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>Translations</h1>
        <p>Text fields per language: {translationStates.map((s) => `${stateStyle[s].symbol} ${stateStyle[s].label}`).join(' · ')}. Latest versions, drafts included.</p>
        <table className="translation-coverage" style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'start' }}>
                Language
              </th>
              <th scope="col" style={{ textAlign: 'start' }}>
                All collections
              </th>
              {translationStates.map((s) => (
                <th key={s} scope="col">
                  {stateStyle[s].label}
                </th>
              ))}
              <th scope="col">Current</th>
              <th scope="col">Committed</th>
            </tr>
          </thead>
          <tbody>
            {report.map((r) => (
              <tr key={r.locale} data-locale={r.locale} style={{ borderTop: '1px solid var(--theme-elevation-100)' }}>
                <th scope="row" style={{ textAlign: 'start', fontWeight: 'normal' }}>
                  <details>
                    <summary>
                      {getLocale(r.locale).name} ({r.locale})
                    </summary>
                    <table>
                      <tbody>
                        {contentKinds.map((k) => (
                          <tr key={k} data-collection={k}>
                            <th scope="row" style={{ textAlign: 'start', fontWeight: 'normal', paddingInlineEnd: '1rem' }}>
                              {k}
                            </th>
                            <td>
                              <Bar counts={r.byCollection[k]} label={`${r.locale} ${k}`} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </th>
                <td>
                  <Bar counts={r.total} label={r.locale} />
                </td>
                {translationStates.map((s) => (
                  <td key={s} data-state={s} style={{ textAlign: 'end' }}>
                    {r.total[s]}
                  </td>
                ))}
                <td style={{ textAlign: 'end' }}>{Math.round(r.current * 100)}%</td>
                <td style={{ textAlign: 'end', color: r.belowRequired ? stateStyle.outdated.color : undefined }}>
                  {r.required === undefined ? '' : `${Math.round(r.required * 100)}%${r.belowRequired ? ' — below' : ''}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Gutter>
    </DefaultTemplate>
  )
}
