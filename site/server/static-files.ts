/**
 * Files of a built site folder over HTTP, looked up on every request, so a rebuilt folder that
 * was swapped in is served at once. Used by the public site's server and the draft preview.
 *
 * `send` (the engine of Express's static files) parses Range headers with range-parser: an
 * unsatisfiable range is a 416, a malformed or multiple one is ignored, and a read error (a file
 * removed by the swap between look-up and read) is an error event, not an exception. sirv, used
 * before, handed an inverted range to createReadStream, whose throw ended the whole process.
 *
 * An activity page that is not built in the asked language (the activity has no text in it,
 * site/lib/activity-pages.ts) redirects to its page in the language's fallback: an address that
 * was shared or printed before keeps working, and works again in her language once translated.
 */
import { existsSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import send from 'send'
import { isContentAddressed, keepForAYear } from '../lib/cache-policy.ts'
import { securityHeaders } from '../lib/csp.ts'
import { fallbackChain, isLocaleCode } from '../../locales/registry.ts'
import { urls } from '../../content/urls.ts'

export type NotFound = (req: IncomingMessage, res: ServerResponse) => void

export function staticFiles(root: string, notFound: NotFound) {
  const options: send.SendOptions = { root, extensions: ['html'], index: ['index.html'], dotfiles: 'ignore', etag: true, lastModified: true }
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed')
      return
    }
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value)
    const pathname = (req.url ?? '/').split('?')[0]!
    // Set when a file is found (send keeps it), so a 404 or a redirect is never kept.
    const keep = isContentAddressed(pathname)
    const failed = (err: { status?: number; message: string }) => {
      if (res.headersSent) return res.destroy()
      if (err.status === 404) {
        const elsewhere = fallbackPage(root, pathname)
        if (elsewhere) return void res.writeHead(302, { location: elsewhere + (req.url ?? '').slice(pathname.length) }).end()
        return notFound(req, res)
      }
      res
        .writeHead(err.status && err.status < 500 ? err.status : 500, { 'content-type': 'text/plain; charset=utf-8' })
        .end(err.status && err.status < 500 ? err.message : 'The file could not be read.')
    }
    send(req, pathname, options)
      .on('error', failed)
      .on('headers', (r: ServerResponse) => keep && r.setHeader('cache-control', keepForAYear))
      // A folder without its slash (a printed short code, /q/ABC): its page, without a redirect.
      .on('directory', () => void send(req, `${pathname}/index.html`, options).on('error', failed).pipe(res))
      .pipe(res)
  }
}

/** Where an activity page missing in one language is, in that language's fallback chain. */
function fallbackPage(root: string, pathname: string): string | undefined {
  const [, lang, slug] = /^\/([a-z]{2,3})\/activities\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(pathname) ?? []
  if (!isLocaleCode(lang) || !slug) return undefined
  for (const other of fallbackChain(lang).slice(1)) {
    const url = urls.activity(other, slug)
    if (existsSync(path.join(root, url, 'index.html'))) return url
  }
  return undefined
}
