import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import { loadContent } from '../../content/load.ts'
import { locales } from '../../locales/registry.ts'
import { buildSite } from '../../site/build/build-site.ts'
import { serveSite } from '../../site/server/serve.ts'
import { askAction, cmsAddress } from '../../site/lib/ask.ts'
import { isContentAddressed } from '../../site/lib/cache-policy.ts'
import { cspDirectives, cspHash } from '../../site/lib/csp.ts'
import { infoPages } from '../../content/urls.ts'
import { siteCmsUrl } from '../setup/site.ts'
import { copyOfContent, repoContent } from '../support/content.ts'

const root = path.resolve(import.meta.dirname, '../..')

describe('static site build from content/ alone', () => {
  let out: string
  let html: (p: string) => Promise<string>

  beforeAll(() => {
    out = inject('siteDir')
    html = (p: string) => readFile(path.join(out, p, 'index.html'), 'utf8')
  })

  it('has a landing page for every municipality in every language, with the right lang and dir', async () => {
    const { municipalities } = await loadContent(repoContent)
    for (const l of locales) {
      for (const m of municipalities) {
        const page = await html(`${l.code}/${m.slug}`)
        expect(page, `${l.code}/${m.slug}`).toContain(`<html lang="${l.code}" dir="${l.dir}">`)
      }
    }
  })

  it('marks every file named by its content for a year in the cache, here and on other hosts', async () => {
    // Vite names all of Astro's bundles and fonts by their digest; Pagefind names its chunks,
    // fragments, filters and metadata <language>_<hex digest>, but not its scripts or wasm.
    const named: string[] = []
    for (const dir of ['_astro', 'pagefind', 'pagefind-films']) {
      for (const entry of await readdir(path.join(out, dir), { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) named.push(`/${path.relative(out, path.join(entry.parentPath, entry.name))}`)
      }
    }
    const hashed = (p: string) => p.startsWith('/_astro/') || /[/.][a-z]+_[0-9a-f]{7,}\.pf_\w+$/.test(p)
    expect(named.filter(hashed).length).toBeGreaterThan(100)
    for (const p of named) expect(isContentAddressed(p), p).toBe(hashed(p))
    const headers = await readFile(path.join(out, '_headers'), 'utf8')
    expect(headers).toContain("/*\n  content-security-policy: frame-ancestors 'none'\n")
    expect(headers).toContain('/pagefind/fragment/*\n  cache-control: public, max-age=31536000, immutable\n')
  })

  it("puts the mother's call-me form on every landing page, in her language, posting to the CMS", async () => {
    const { municipalities } = await loadContent(repoContent)
    for (const l of locales) {
      const strings = JSON.parse(await readFile(path.join(root, 'locales', l.code, 'ask.json'), 'utf8')) as Record<string, string>
      for (const m of municipalities) {
        const page = await html(`${l.code}/${m.slug}`)
        const where = `${l.code}/${m.slug}`
        expect(page, where).toContain(`<form method="post" action="${new URL(`/api/referrals/ask?lang=${l.code}`, siteCmsUrl).href}">`)
        expect(page, where).toContain(`<input type="hidden" name="language" value="${l.code}">`)
        expect(page, where).toContain(`<input type="hidden" name="municipality" value="${m.slug}">`)
        // A cross-origin post under no-referrer carries Origin: null, which the CMS refuses.
        expect(page, where).toContain('<meta name="referrer" content="strict-origin">')
        // The thank-you page it leads to, in her language and out of search engines.
        const thanks = await html(`${l.code}/${m.slug}/asked`)
        expect(thanks, where).toContain(`<html lang="${l.code}" dir="${l.dir}">`)
        expect(thanks, where).toContain(strings.thanksTitle!.replace(/'/g, '&#39;'))
        expect(thanks, where).toContain('<meta name="robots" content="noindex">')
      }
    }
    // Every other page tells other sites nothing, not even its origin.
    expect(await html('da/guides/breastfeeding')).toContain('<meta name="referrer" content="no-referrer">')
  })

  it('builds no form where the site is not told the CMS address', () => {
    expect(askAction('ar', {})).toBeUndefined()
    expect(cspDirectives(cmsAddress({}))).toContain("form-action 'self'")
    expect(askAction('ar', { CMS_PUBLIC_URL: 'https://cms.example/' })).toBe('https://cms.example/api/referrals/ask?lang=ar')
  })

  it('marks untranslated text with its own language and keeps it out of the search index', async () => {
    const vejle = (await loadContent(repoContent)).municipalities.find((m) => m.slug === 'vejle')!
    const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
    // Somali has no intro yet: the Danish text shows, marked as Danish, outside the Somali index.
    expect(vejle.intro.so).toBeUndefined()
    expect(await html('so/vejle')).toContain(`<p lang="da" dir="ltr" data-pagefind-ignore="all">${escaped(vejle.intro.da!)}</p>`)
    // Arabic has its own intro: shown as the page's own language.
    expect(await html('ar/vejle')).toContain(`<p>${escaped(vejle.intro.ar!)}</p>`)
  })

  it('isolates phone numbers and e-mail addresses inside right-to-left text', async () => {
    const page = await html('ar/aarhus')
    expect(page).toMatch(/<bdi dir="ltr">\+45\d+<\/bdi>/)
    expect(page).toMatch(/<bdi dir="ltr">[^<]+@example\.org<\/bdi>/)
  })

  it('renders an Arabic guide right to left, and an untranslated one as marked Danish', async () => {
    const ar = await html('ar/guides/breastfeeding')
    expect(ar).toContain('<html lang="ar" dir="rtl">')
    expect(ar).toMatch(/<article class="prose"><h2>/)
    const so = await html('so/guides/breastfeeding')
    expect(so).toMatch(/<article class="prose" lang="da" dir="ltr" data-pagefind-ignore="all"><h2>/)
    expect(so).toContain('<html lang="so" dir="ltr">')
  })

  it('has the fixed pages in every language: her own text where written, else the fallback, marked, with its lang and dir', async () => {
    for (const l of locales) {
      for (const p of infoPages) expect(await html(`${l.code}/info/${p}`), `${l.code}/info/${p}`).toContain(`<html lang="${l.code}" dir="${l.dir}">`)
    }
    const strings = async (code: string) => JSON.parse(await readFile(path.join(root, 'locales', code, 'common.json'), 'utf8')) as Record<string, string>
    // Danish is the source: no notice.
    const da = await html('da/info/privacy')
    expect(da).toContain('<h1>Privatliv</h1>')
    expect(da).not.toContain('class="notice"')
    // English is written, not checked by a translator: it says so.
    const en = await html('en/info/privacy')
    expect(en).toContain('<h1>Privacy</h1>')
    expect(en).toContain((await strings('en')).machineTranslation)
    // Arabic has no "about" of its own: the Danish (its fallback), marked, outside the Arabic index.
    const ar = await html('ar/info/about')
    expect(ar).toMatch(/<h1 lang="da" dir="ltr">[^<]+<\/h1>/)
    expect(ar).toContain('<article class="prose" lang="da" dir="ltr" data-pagefind-ignore="all">')
    expect(ar).toContain((await strings('ar')).notTranslated.replace('{{fallback}}', 'Dansk'))
    // Urdu falls back to English, as the registry says.
    expect(await html('ur/info/about')).toMatch(/<h1 lang="en" dir="ltr">[^<]+<\/h1>/)
  })

  it("has the privacy notice in every mother's own language, marked as machine translation", async () => {
    for (const l of locales.filter((l) => l.code !== 'da')) {
      const page = await html(`${l.code}/info/privacy`)
      const own = JSON.parse(await readFile(path.join(root, 'locales', l.code, 'common.json'), 'utf8')) as Record<string, string>
      // Her text, not a fallback's: no other language's heading, and the machine notice in hers.
      expect(page, l.code).toMatch(/<h1>[^<]+<\/h1>/)
      expect(page, l.code).not.toContain('<article class="prose" lang=')
      expect(page, l.code).toContain(own.machineTranslation)
      // It says how long she is kept, and that she can ask for it to be deleted (the 30 and 180 days).
      expect(page, l.code).toMatch(/30[\s\S]*180/)
    }
  })

  it("links every fixed page from the foot of every page, in the reader's language", async () => {
    for (const p of ['ar/aarhus', 'da/activities/babymassage', 'ti/guides/breastfeeding', 'en/info/about']) {
      const lang = p.split('/')[0]!
      const foot = /<footer class="site-info[^"]*">[\s\S]*?<\/footer>/.exec(await html(p))?.[0] ?? ''
      expect(
        infoPages.filter((page) => !foot.includes(`href="/${lang}/info/${page}/"`)),
        p,
      ).toEqual([])
    }
  })

  /** Every sitemap file the index at /sitemap.xml lists, as one text. */
  const readSitemap = async () => {
    const index = await readFile(path.join(out, 'sitemap.xml'), 'utf8')
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    const files = [...index.matchAll(/<loc>http:\/\/localhost:4321(\/sitemaps\/\d+\.xml)<\/loc>/g)].map((m) => m[1]!)
    expect(files).toEqual(['/sitemaps/1.xml'])
    return (await Promise.all(files.map((f) => readFile(path.join(out, f), 'utf8')))).join('\n')
  }

  it('lists every page with its alternates in every language in the sitemap', async () => {
    const sitemap = await readSitemap()
    const entry = sitemap.split('\n').find((l) => l.includes('<loc>http://localhost:4321/ar/vejle/</loc>'))!
    for (const l of locales) expect(entry).toContain(`hreflang="${l.code}" href="http://localhost:4321/${l.code}/vejle/"`)
  })

  it('lists the films, visit and leaflet pages (bilingual ones where built) in the sitemap, and only pages that exist', async () => {
    const sitemap = await readSitemap()
    const origin = 'http://localhost:4321'
    const locs = [...sitemap.matchAll(/<loc>http:\/\/localhost:4321(\/[^<]*)<\/loc>/g)].map((m) => m[1]!)
    for (const loc of locs) expect(existsSync(path.join(out, loc, 'index.html')), loc).toBe(true)
    const built = (await readdir(out, { recursive: true })).filter((f) => /^[a-z]+\/(visit|films|[^/]+\/leaflet(\/bilingual)?)\/index\.html$/.test(f)).map((f) => `/${path.dirname(f)}/`)
    expect(built.filter((p) => p.endsWith('/leaflet/bilingual/')).length).toBeGreaterThan(0)
    expect(built.filter((p) => p.endsWith('/visit/'))).toHaveLength(locales.length)
    expect(built.filter((p) => !locs.includes(p))).toEqual([])
    // A bilingual leaflet's alternates are the languages it is built in, no more.
    const bilingual = sitemap.split('\n').find((l) => /<loc>[^<]+\/leaflet\/bilingual\/<\/loc>/.test(l))!
    const alternates = [...bilingual.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.slice(origin.length))
    for (const a of alternates) expect(built).toContain(a)
    const visit = sitemap.split('\n').find((l) => l.includes(`<loc>${origin}/ar/visit/</loc>`))!
    for (const l of locales) expect(visit).toContain(`hreflang="${l.code}" href="${origin}/${l.code}/visit/"`)
  })

  it('styles with logical properties only, so right-to-left pages mirror', async () => {
    const css = await readFile(path.join(root, 'site/styles/base.css'), 'utf8')
    expect(css).not.toMatch(/(margin|padding|border)-(left|right)|[^-](left|right)\s*:|text-align\s*:\s*(left|right)|float\s*:/)
  })

  it('offers every language by its own name on the chooser page', async () => {
    const page = await readFile(path.join(out, 'index.html'), 'utf8')
    for (const l of locales) expect(page).toContain(`lang="${l.code}" dir="${l.dir}" hreflang="${l.code}">${l.endonym}</a>`)
  })

  it('says a guide was checked only where a person recorded it: on no demonstration guide', async () => {
    const dist = inject('siteDir')
    for (const lang of ['da', 'en', 'ar'] as const) {
      const html = await readFile(path.join(dist, lang, 'guides', 'breastfeeding', 'index.html'), 'utf8')
      expect(html, lang).not.toMatch(/Tjekket .* af en|Checked on .* by a|class="muted">[^<]*(sundhedsplejerske|health visitor|midwife)/)
    }
  })

  it('leaves the published site in place when content is broken', async () => {
    const bad = await copyOfContent()
    const published = path.join(await mkdtemp(path.join(tmpdir(), 'modersmal-published-')), 'dist')
    try {
      await mkdir(published)
      await writeFile(path.join(published, 'index.html'), '<p>the site that is live</p>')
      const file = path.join(bad, 'municipalities', 'vejle.yaml')
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^programme: .*$/m, 'programme: findes-ikke'))
      await expect(buildSite({ root, contentDir: bad, outDir: published })).rejects.toThrow(/municipalities\/vejle\.yaml: programme: refers to programmes "findes-ikke"/)
      expect(await readFile(path.join(published, 'index.html'), 'utf8')).toBe('<p>the site that is live</p>')
      expect(existsSync(`${published}.builds`)).toBe(false)
    } finally {
      await rm(bad, { recursive: true, force: true })
      await rm(path.dirname(published), { recursive: true, force: true })
    }
  })

  it('gives every page a Content-Security-Policy: this machine only (forms also to the CMS), no inline script without its hash', async () => {
    const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(1000)
    const missing: string[] = []
    for (const p of pages) {
      const page = await readFile(path.join(out, p), 'utf8')
      const policy = page.match(/<meta http-equiv="content-security-policy" content="([^"]*)"/)?.[1]
      // The one other host: the CMS a mother's "call me" posts to, and only as a form's target.
      const directives = (policy ?? '').split(';').map((d) => d.trim())
      const others = directives.filter((d) => !d.startsWith('form-action')).join('; ')
      if (!policy?.includes("default-src 'self'") || /'unsafe-inline'|'unsafe-eval'|\*|https?:/.test(others) || !directives.includes(`form-action 'self' ${new URL(siteCmsUrl).origin}`))
        missing.push(p)
      // Every inline script that runs is one Astro bundled (and hashed): none written by hand.
      for (const [, attrs, body] of page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g))
        if (!/src=|type="application\/json"/.test(attrs!) && !policy?.includes(cspHash(body!))) missing.push(`${p}: an inline script without its hash`)
    }
    expect(missing).toEqual([])
  })

  it('builds an activity page only in the languages it has text in, and sends other readers to the fallback', async () => {
    const { activities } = await loadContent(repoContent)
    const a = activities.find((x) => x.title.ar && x.title.en && !x.title.so)!
    for (const l of locales) expect(existsSync(path.join(out, l.code, 'activities', a.slug, 'index.html')), l.code).toBe(a.title[l.code] !== undefined)
    // The Somali catalogue links to the Danish page (Somali's fallback), saying so in Danish.
    const somali = (await readdir(path.join(out, 'so', 'activities'), { recursive: true })).filter((f) => f.endsWith('.html'))
    const links = await Promise.all(somali.map((f) => readFile(path.join(out, 'so', 'activities', f), 'utf8')))
    const link = new RegExp(`<a href="/da/activities/${a.slug}/" hreflang="da">.*?</a><span class="muted"> · <span lang="da" dir="ltr">Dansk</span></span>`)
    expect(links.some((page) => link.test(page))).toBe(true)
    expect(links.some((page) => page.includes(`href="/so/activities/${a.slug}/"`))).toBe(false)
    // An address that was shared before, or typed: the page in her language's fallback (Urdu's is English).
    const server = await serveSite(out, 0)
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const where = async (p: string) => {
        const r = await fetch(`${base}${p}`, { redirect: 'manual' })
        return [r.status, r.headers.get('location')]
      }
      expect(await where(`/so/activities/${a.slug}/`)).toEqual([302, `/da/activities/${a.slug}/`])
      expect(await where(`/ur/activities/${a.slug}/?a=1`)).toEqual([302, `/en/activities/${a.slug}/?a=1`])
      expect(await where('/so/activities/no-such-activity/')).toEqual([404, null])
      expect(await where(`/ar/activities/${a.slug}/`)).toEqual([200, null])
    } finally {
      server.close()
    }
    // Other hosts: a rule that applies where no page answers.
    expect(await readFile(path.join(out, '_redirects'), 'utf8')).toContain('/ur/activities/:slug/ /en/activities/:slug/ 302')
    const sitemap = await readFile(path.join(out, 'sitemaps', '1.xml'), 'utf8')
    expect(sitemap).toContain(`/ar/activities/${a.slug}/</loc>`)
    expect(sitemap).not.toContain(`/so/activities/${a.slug}/`)
  })
})
