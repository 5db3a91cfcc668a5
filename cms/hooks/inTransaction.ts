/**
 * Local API calls from inside a hook, in the request's own transaction (`req`). The local API sets
 * req.locale to the locale it is asked for; the save that runs the hook would then go on in that
 * locale ("all", say). These put the request's locale back, whatever happens.
 */
import type { PayloadRequest } from 'payload'

export async function keepingLocale<T>(req: PayloadRequest, call: () => Promise<T>): Promise<T> {
  const { locale, fallbackLocale } = req
  try {
    return await call()
  } finally {
    Object.assign(req, { locale, fallbackLocale })
  }
}

/** The stored document (or null), read with overrideAccess in the request's transaction. */
export function readStored(req: PayloadRequest, args: { collection: string; id: number | string; locale: string; draft: boolean }): Promise<Record<string, unknown> | null> {
  return keepingLocale(
    req,
    () =>
      req.payload.findByID({
        collection: args.collection as 'users',
        id: args.id,
        locale: args.locale as 'da',
        fallbackLocale: false,
        draft: args.draft,
        depth: 0,
        overrideAccess: true,
        req,
        disableErrors: true,
      }) as Promise<Record<string, unknown> | null>,
  )
}
