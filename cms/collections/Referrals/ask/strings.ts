/**
 * The ask form's strings in the CMS, from the same files the site uses (locales/<code>/ask.json),
 * so an answer from the CMS reads like the page she came from.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { getLocale, isLocaleCode, sourceLocale, type LocaleCode } from '../../../../locales/registry.ts'
import type { UiStrings } from '../../../../locales/strings.ts'
import { repoRoot } from '../../../paths.ts'

export type AskKey = keyof UiStrings['ask']
const cache = new Map<string, Partial<Record<AskKey, string>>>()

const load = (code: string): Partial<Record<AskKey, string>> => {
  let strings = cache.get(code)
  if (!strings) {
    try {
      strings = JSON.parse(readFileSync(path.join(repoRoot, 'locales', code, 'ask.json'), 'utf8')) as Record<AskKey, string>
    } catch {
      strings = {}
    }
    cache.set(code, strings)
  }
  return strings
}

/** The language of an answer: hers when we speak it, else Danish. */
export const answerLocale = (code: unknown): LocaleCode => (typeof code === 'string' && isLocaleCode(code) ? code : sourceLocale)

/** One string in her language, its registry fallback, then Danish; `{{name}}` filled in. */
export function askText(lang: LocaleCode, key: AskKey, values: Record<string, string | number> = {}): string {
  const chain = [lang, getLocale(lang).fallback ?? sourceLocale, sourceLocale]
  const text = chain.map((c) => load(c)[key]).find((t) => typeof t === 'string') ?? key
  return text.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name] ?? ''))
}
