/**
 * Above each localized field, in any language but Danish: the current Danish text, read-only, in
 * its own language and direction, so a translator never has to switch languages to see what she
 * translates (cms/fields/sourceBeside.ts puts it on every localized field). A list shows as the
 * list it is. Nothing in Danish, in a new document, or where the Danish is empty. The field's own
 * inputs are marked with the language she writes (./WritingLanguage.tsx).
 */
import type { Payload, ServerFieldBase } from 'payload'
import { cache } from 'react'
import { getLocale, isLocaleCode, sourceLocale } from '../../locales/registry.ts'
import { adminLanguageOf } from '../adminLanguage.ts'
import { plainText } from '../translations/documents.ts'
import { CopySource } from './CopySource.tsx'
import { WritingLanguage } from './WritingLanguage.tsx'

/** The Danish of the latest version, read once per request however many fields show it. */
const danishDocument = cache(async (payload: Payload, collection: string, id: number | string): Promise<Record<string, unknown>> => {
  return (await payload.findByID({ collection: collection as never, id, locale: sourceLocale, fallbackLocale: false, draft: true, depth: 0, overrideAccess: true })) as Record<string, unknown>
})

/** The value at a form path ("steps", "venue.directions", "schedule.0.label"). */
const at = (doc: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), doc)

/** A list row's values without the row's own id. */
const withoutId = (row: unknown): unknown => {
  if (!row || typeof row !== 'object' || Array.isArray(row)) return row
  const { id: _id, ...values } = row as Record<string, unknown>
  return values
}

/** Rows whose every value is a text: what can be copied into a form as it is. */
const allTexts = (row: unknown): row is Record<string, string> => !!row && typeof row === 'object' && Object.values(row).every((v) => typeof v === 'string')

const box = {
  borderInlineStart: '3px solid var(--theme-elevation-250)',
  background: 'var(--theme-elevation-50)',
  padding: '0.4rem 0.75rem',
  maxHeight: '12rem',
  overflowY: 'auto',
} as const

export async function SourceText({ id, collectionSlug, payload, req, path, field }: ServerFieldBase & { path?: string }) {
  const locale = req.locale
  if (id === undefined || !path || !isLocaleCode(locale) || locale === sourceLocale) return null
  const value = at(await danishDocument(payload, collectionSlug, id), path)
  const danishRows = Array.isArray(value) ? value.map(withoutId) : []
  const rows = danishRows.map(plainText).filter((t) => t.trim() !== '')
  const text = Array.isArray(value) ? '' : plainText(value)
  const writing = <WritingLanguage lang={locale} dir={getLocale(locale).dir} />
  if (rows.length === 0 && text.trim() === '') return writing
  const da = adminLanguageOf(req.i18n) === 'da'
  const label = da ? 'Dansk (kilden)' : 'Danish (the source)'
  // A list of plain rows (each field a text) can be copied as it is, to translate row by row.
  const copyable = field.type === 'array' && danishRows.length > 0 && danishRows.every(allTexts) ? danishRows : []
  // A long text scrolls in its box: focusable, so a keyboard can scroll it too. The copy action
  // stays outside the scrolling part, always in sight.
  return (
    <div className="source-text" data-path={path} style={{ marginBottom: '0.4rem' }}>
      {writing}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1) */}
      <section style={box} aria-label={label} tabIndex={0}>
        <div style={{ fontSize: '0.8rem', color: 'var(--theme-elevation-600)' }}>{label}</div>
        <div lang="da" dir="ltr">
          {rows.length > 0 ? (
            <ol style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
              {rows.map((row, i) => (
                // The Danish rows have no other identity than their place.
                // biome-ignore lint/suspicious/noArrayIndexKey: the rows are read-only and never reordered here
                <li key={i}>{row}</li>
              ))}
            </ol>
          ) : (
            <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{text}</p>
          )}
        </div>
      </section>
      {copyable.length > 0 && <CopySource path={path} rows={copyable} label={da ? 'Kopiér den danske liste hertil' : 'Copy the Danish list here'} />}
    </div>
  )
}
