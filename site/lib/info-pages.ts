/**
 * The site's fixed pages (about the groups, privacy, help for health visitors and volunteers):
 * MDX in site/info/<page>/<lang>.mdx, written in Danish first. A language without its own file
 * shows its fallback's (the registry's chain, as for content), with the same notice as other pages.
 * A file with an unknown page or language, or frontmatter that does not say how far its
 * translation can be trusted, fails the build with its name. Links between pages are relative
 * (`../../activities/`), so a reader of a fallback text stays in her own language.
 */
import type { MDXInstance } from 'astro'
import { z } from 'zod'
import { isLocaleCode, sourceLocale } from '../../locales/registry.ts'
import type { LocaleCode } from '../../locales/registry.ts'
import type { Localized } from '../../content/schema/index.ts'
import { pick, type Picked } from './localized.ts'
import { infoPages, type InfoPage } from '../../content/urls.ts'

export { infoPages, type InfoPage }

const frontmatter = z.strictObject({
  title: z.string().trim().min(1),
  description: z.string().trim().min(1),
  /** source: the Danish original; machine: not checked by a translator; reviewed: checked. */
  translation: z.enum(['source', 'machine', 'reviewed']),
})
export type InfoFrontmatter = z.output<typeof frontmatter>
export type InfoModule = MDXInstance<InfoFrontmatter>

const files = import.meta.glob<InfoModule>('../info/*/*.mdx', { eager: true })

function load(): Map<InfoPage, Localized<InfoModule>> {
  const pages = new Map<InfoPage, Localized<InfoModule>>()
  const problems: string[] = []
  for (const [file, mod] of Object.entries(files)) {
    const [page, name] = file.split('/').slice(-2) as [string, string]
    const lang = name.replace(/\.mdx$/, '')
    const where = `site/info/${page}/${name}`
    if (!(infoPages as readonly string[]).includes(page)) problems.push(`${where}: "${page}" is not one of the fixed pages (${infoPages.join(', ')})`)
    else if (!isLocaleCode(lang)) problems.push(`${where}: "${lang}" is not a language of the registry`)
    else {
      const checked = frontmatter.safeParse(mod.frontmatter)
      if (!checked.success) problems.push(`${where}: ${checked.error.issues.map((i) => `${i.path.join('.') || 'frontmatter'} ${i.message}`).join('; ')}`)
      else if ((lang === sourceLocale) !== (checked.data.translation === 'source')) problems.push(`${where}: translation must be "source" in Danish and only there`)
      else pages.set(page as InfoPage, { ...pages.get(page as InfoPage), [lang]: mod })
    }
  }
  for (const page of infoPages) if (!pages.get(page)?.[sourceLocale]) problems.push(`site/info/${page}/${sourceLocale}.mdx is missing: every fixed page is written in Danish first`)
  if (problems.length) throw new Error(`The fixed pages have problems:\n${problems.join('\n')}`)
  return pages
}

const pages = load()

/** A fixed page in the reader's language, or in her language's fallback (then marked so). */
export function infoPage(page: InfoPage, lang: LocaleCode): Picked<InfoModule> {
  return pick(pages.get(page)!, lang)
}
