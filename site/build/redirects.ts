/** The `_redirects` file (Netlify, Cloudflare Pages and others): real 301s for codes and old URLs. */
import { fallbackChain, localeCodes } from '../../locales/registry.ts'
import type { ContentSet } from '../../content/collections.ts'
import { codeTargets } from '../lib/codes.ts'
import { urls } from '../../content/urls.ts'

export function redirectsFile(set: ContentSet): string {
  const lines = codeTargets(set).map((t) => `${urls.shortCode(t.code.code)} ${t.path} 301`)
  for (const m of set.municipalities) {
    for (const old of m.formerSlugs ?? []) {
      for (const lang of localeCodes) lines.push(`${urls.municipality(lang, old)} ${urls.municipality(lang, m.slug)} 301`)
    }
  }
  // An activity page not built in a language (site/lib/activity-pages.ts): the fallback's. Hosts
  // apply such a rule only where no file answers (Netlify's shadowing), so built pages win.
  for (const lang of localeCodes) {
    const next = fallbackChain(lang)[1]
    if (next) lines.push(`${urls.activity(lang, ':slug')} ${urls.activity(next, ':slug')} 302`)
  }
  return `${lines.join('\n')}\n`
}
