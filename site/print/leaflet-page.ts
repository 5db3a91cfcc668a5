/**
 * What the two leaflet pages (one language, and bilingual beside Danish) share: which pages exist
 * and what stands around the sheet. The print rules themselves are in leaflet.ts.
 */
import type { ContentSet } from '../../content/collections.ts'
import type { Leaflet, Municipality, Programme } from '../../content/schema/index.ts'
import { localeCodes, type LocaleCode } from '../../locales/registry.ts'
import { codeFor } from '../lib/codes.ts'
import { findByKey, getContent } from '../lib/content.ts'
import { leafletFor } from './leaflet.ts'
import { pick } from '../lib/localized.ts'
import { qrSvg } from './qr.ts'
import { absolute, urls } from '../../content/urls.ts'

export interface LeafletPageProps {
  m: Municipality
  leaflet: Leaflet
}

/** Every municipality's leaflet page in the languages `exists` allows. */
export async function leafletPaths(exists: (leaflet: Leaflet, lang: LocaleCode) => boolean) {
  const set = await getContent()
  return localeCodes.flatMap((lang) =>
    set.municipalities.flatMap((m) => {
      const leaflet = leafletFor(set, m)
      return leaflet && exists(leaflet, lang) ? [{ params: { lang, municipality: m.slug }, props: { m, leaflet } satisfies LeafletPageProps }] : []
    }),
  )
}

export interface LeafletPage {
  name: string
  programme: Programme
  /** The printed short URL of this municipality and language; none where no code was issued. */
  shortUrl?: string
  qr?: string
}

export async function leafletPage(set: ContentSet, m: Municipality, lang: LocaleCode, site: URL | undefined): Promise<LeafletPage> {
  const code = codeFor(set, m.shortCode, lang)
  const shortUrl = code ? absolute(urls.shortCode(code.code), site) : undefined
  return {
    name: pick(m.name, lang).value,
    programme: findByKey(set.programmes, m.programme)!,
    shortUrl,
    qr: shortUrl ? await qrSvg(shortUrl) : undefined,
  }
}
