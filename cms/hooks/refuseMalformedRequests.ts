/**
 * Requests Payload would quietly misread are refused with the reason. An unknown language code
 * (`?locale=xx`, a typo) made Payload write into its default language: the Danish source was
 * overwritten. A JSON array or a bare value as the body was taken as "no fields" and saved as an
 * empty change. An id that is not a whole number (`/api/referrals/versions` on a collection
 * without versions, a typo) reached the database and came back as a 500. Runs before every
 * operation of every collection.
 */
import { APIError, type CollectionBeforeOperationHook } from 'payload'

// Named by hand: in the admin's production build the class names are minified, and Payload then
// answers with "An unknown error occurred." instead of the message.
const refused = (message: string) => Object.assign(new APIError(message, 400, {}, true), { name: 'BadRequest' })
import { isLocaleCode, localeCodes } from '../../locales/registry.ts'

/** What Payload itself accepts besides a language code: every language, or no fallback. */
const alsoAccepted: Record<string, readonly string[]> = { locale: ['all'], 'fallback-locale': ['none', 'null', 'false'] }

export const refuseMalformedRequests: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  // Both databases number documents (serial ids): anything else names no document.
  const id = (args as { id?: unknown }).id
  if (id !== undefined && id !== null && !/^\d{1,15}$/.test(String(id))) {
    // Payload has made a number of it by now (NaN): the address says what was asked.
    const asked = String(req.routeParams?.id ?? id).slice(0, 40)
    throw Object.assign(new APIError(`There is no ${collection.slug} ${JSON.stringify(asked)}: ids are whole numbers.`, 404, {}, true), { name: 'NotFound' })
  }
  for (const [name, accepted] of Object.entries(alsoAccepted)) {
    const value = req.query?.[name]
    if (value === undefined) continue
    if (typeof value !== 'string' || !(isLocaleCode(value) || accepted.includes(value)))
      throw refused(`Unknown language ${JSON.stringify(value)} in ${name}: use one of ${[...localeCodes, ...accepted].join(', ')}.`)
  }
  const data = (args as { data?: unknown }).data
  if ((operation === 'create' || operation === 'update') && data !== undefined && (data === null || typeof data !== 'object' || Array.isArray(data)))
    throw refused('The request body must be a JSON object of fields.')
  return args
}
