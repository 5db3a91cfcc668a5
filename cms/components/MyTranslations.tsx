/**
 * /admin/translations/mine: a translator's queue ("My translations"). Every document missing or
 * behind the Danish in her languages, the mother's path first (content/translation-queue.ts), with
 * counts per collection, a filter by collection, and each entry a link to the document in that
 * language at its first field to do. Others choose the language (the committed ones at first).
 */
import type { AdminViewServerProps } from 'payload'
import { AdminPage, signedInOnly } from './AdminPage.tsx'
import type { ContentSet } from '../../content/collections.ts'
import { queueOrder, translationQueue } from '../../content/translation-queue.ts'
import { getLocale, isLocaleCode, targetLocaleCodes, type LocaleCode } from '../../locales/registry.ts'
import { staffOf } from '../access/roles.ts'
import { contentSetWithIds } from '../translations/documents.ts'
import { adminLanguageOf, languageName } from '../adminLanguage.ts'
import { collectionLabels, fieldLabelAt } from '../adminLabels.ts'
import { stateStyle } from './stateStyle.ts'

const text = {
  da: {
    heading: 'Mine oversættelser',
    intro: 'Det, der mangler eller er bagud i forhold til den danske tekst, det mødrene læser først øverst.',
    none: 'Intet mangler: alt er oversat og ajour.',
    all: 'Alle samlinger',
    language: 'Sprog',
    show: 'Vis',
    more: (n: number) => `og ${n} mere i denne samling (vælg den ovenfor)`,
  },
  en: {
    heading: 'My translations',
    intro: 'What is missing or behind the Danish text, what mothers read first at the top.',
    none: 'Nothing is missing: everything is translated and up to date.',
    all: 'All collections',
    language: 'Language',
    show: 'Show',
    more: (n: number) => `and ${n} more in this collection (choose it above)`,
  },
}

/** Entries shown per collection when all are shown; one collection chosen shows every entry. */
const perCollection = 50

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export async function MyTranslations({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  signedInOnly(initPageResult, '/translations/mine')
  const lang = adminLanguageOf(req.i18n)
  const t = text[lang]
  const staff = staffOf(req)
  const asked = first(searchParams?.language)
  const languages: LocaleCode[] =
    staff?.role === 'translator'
      ? (staff.translatorLocales ?? []).filter(isLocaleCode)
      : asked && targetLocaleCodes.some((l) => l === asked)
        ? [asked as LocaleCode]
        : targetLocaleCodes.filter((l) => getLocale(l).required !== undefined)
  const kindAsked = first(searchParams?.collection)
  const only = queueOrder.find((k) => k === kindAsked)
  const { set, ids } = await contentSetWithIds(req.payload)
  const queue = translationQueue(set as unknown as ContentSet, languages)
  const byKind = new Map(queueOrder.map((k) => [k, queue.filter((i) => i.kind === k)]))
  const shown = queueOrder.filter((k) => !only || k === only)
  const fieldsOf = (kind: string) => req.payload.collections[kind as keyof typeof req.payload.collections]?.config.fields ?? []
  const link = (kind: string, key: string, l: LocaleCode, field?: string) =>
    `/admin/collections/${kind}/${ids[kind as keyof typeof ids]?.get(key)}?locale=${l}${field ? `#field-${field.replaceAll('.', '__')}` : ''}`
  const here = (params: Record<string, string | undefined>) => {
    const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined))
    return `/admin/translations/mine${q.size ? `?${q}` : ''}`
  }
  const language = staff?.role === 'translator' ? undefined : languages.length === 1 ? languages[0] : undefined
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <h1>{t.heading}</h1>
      <p>
        {t.intro} ({languages.map((l) => `${getLocale(l).endonym} (${languageName(l, lang)})`).join(', ')})
      </p>
      {staff?.role !== 'translator' && (
        <nav aria-label={t.language} className="queue-languages" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', marginBottom: '0.75rem' }}>
          {targetLocaleCodes.map((l) => (
            <a key={l} href={here({ language: l, collection: only })} aria-current={languages.length === 1 && languages[0] === l ? 'page' : undefined} lang={l} dir={getLocale(l).dir}>
              {getLocale(l).endonym}
            </a>
          ))}
        </nav>
      )}
      <nav aria-label={t.show} className="queue-collections" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', marginBottom: '1rem' }}>
        <a href={here({ language })} aria-current={only ? undefined : 'page'}>
          {t.all} ({queue.length})
        </a>
        {queueOrder.map((k) => (
          <a key={k} href={here({ language, collection: k })} data-collection={k} aria-current={only === k ? 'page' : undefined}>
            {collectionLabels[k]!.plural[lang]} ({byKind.get(k)!.length})
          </a>
        ))}
      </nav>
      {queue.length === 0 && <p>{t.none}</p>}
      {shown.map((kind) => {
        const items = byKind.get(kind)!
        if (items.length === 0) return null
        const listed = only ? items : items.slice(0, perCollection)
        return (
          <section key={kind} data-collection={kind}>
            <h2>
              {collectionLabels[kind]!.plural[lang]} ({items.length})
            </h2>
            <ul className="translation-queue" style={{ listStyle: 'none', padding: 0 }}>
              {listed.map((item) => (
                <li key={`${item.locale}/${item.key}`} data-key={item.key} data-locale={item.locale} style={{ padding: '0.3rem 0', borderTop: '1px solid var(--theme-elevation-100)' }}>
                  <a href={link(kind, item.key, item.locale, item.outdated[0] ?? item.missing[0])}>
                    <span lang="da" dir="ltr">
                      {item.title}
                    </span>
                  </a>{' '}
                  · {getLocale(item.locale).endonym}
                  {item.outdated.length > 0 && (
                    <span style={{ color: stateStyle.outdated.color }}>
                      {' '}
                      · {stateStyle.outdated.label[lang]}: {item.outdated.map((f) => fieldLabelAt(fieldsOf(kind), f, lang)).join(', ')}
                    </span>
                  )}
                  {item.missing.length > 0 && (
                    <span>
                      {' '}
                      · {stateStyle.missing.label[lang]}: {item.missing.map((f) => fieldLabelAt(fieldsOf(kind), f, lang)).join(', ')}
                    </span>
                  )}
                </li>
              ))}
            </ul>
            {listed.length < items.length && <p>{t.more(items.length - listed.length)}</p>}
          </section>
        )
      })}
    </AdminPage>
  )
}
