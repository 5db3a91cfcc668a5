/**
 * The UI strings' namespaces and their keys, typed from the Danish source (locales/da/): a page
 * that asks for a key Danish does not have fails the type check (`npm run typecheck`), not a
 * mother's screen. The other languages are checked against Danish by tests/locales/strings.test.ts.
 */
import type ask from './da/ask.json'
import type catalogue from './da/catalogue.json'
import type common from './da/common.json'
import type films from './da/films.json'
import type leaflet from './da/leaflet.json'

export interface UiStrings {
  common: typeof common
  ask: typeof ask
  catalogue: typeof catalogue
  films: typeof films
  leaflet: typeof leaflet
}

export type Namespace = keyof UiStrings

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: UiStrings
  }
}
