/**
 * Where a mother's "call me" goes: the CMS's public endpoint (content/ask.ts) on the CMS's address
 * as her phone reaches it, which is part of the site's configuration: SITE_CMS_URL, else
 * CMS_PUBLIC_URL (`npm start` sets SITE_CMS_URL to its own admin). With neither, the site is built
 * without the form, and her page offers the group's phone and e-mail only.
 */
import { askPath } from '../../content/ask.ts'
import type { LocaleCode } from '../../locales/registry.ts'

export function cmsAddress(env: Record<string, string | undefined> = process.env): URL | undefined {
  const base = env.SITE_CMS_URL || env.CMS_PUBLIC_URL
  return base ? new URL(base) : undefined
}

/** The form's action, with her language, so even a refusal before the form is read is in it. */
export const askAction = (lang: LocaleCode, env: Record<string, string | undefined> = process.env): string | undefined => {
  const cms = cmsAddress(env)
  return cms ? new URL(`${askPath}?lang=${lang}`, cms).href : undefined
}
