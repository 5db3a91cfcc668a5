/**
 * Draft preview: the site as it will look, built from the latest versions (drafts included) and
 * served only to people signed in to the admin.
 *
 * - The admin pings `/__preview/changed` on every save (cms/publish/requestPublish.ts).
 * - A page request from a signed-in user after a change starts a preview build (the publish
 *   script with --preview, in the publisher's loop) and answers "preparing" with a refresh, until
 *   the build that includes the change is ready; a failed build shows its error instead.
 * - Signed in means: the admin's own `/api/users/me` knows the request's cookie. The preview runs
 *   on its own port (relative links of the site stay right); browsers send cookies to every port of
 *   a host, and in production the preview host must share the admin's cookie domain.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { startPublisher, type Publisher } from '../publish/publisher.ts'
import { previewDirs } from './dirs.ts'
import { guarded, hardened } from '../../site/server/guard.ts'
import { staticFiles } from '../../site/server/static-files.ts'
import { changedPath } from './paths.ts'
import { escapeHtml } from '../../site/lib/html.ts'

export interface PreviewerOptions {
  port: number
  host?: string
  /** The admin's base URL, asked who is signed in. */
  adminUrl: string
  /** Environment for the build process (DATABASE_URL, MODERSMAL_DATA_DIR, MODERSMAL_CONTENT_DIR …). */
  env: Record<string, string | undefined>
  /** Where the preview is built; defaults to data/preview. */
  dir?: string
  log?: (m: string) => void
}

export interface Previewer {
  /** The preview's base URL: give it to the admin as MODERSMAL_PREVIEW_URL. */
  url: string
  /** Where the admin says that something changed: give it to the admin as MODERSMAL_PREVIEW_PING. */
  pingUrl: string
  builder: Publisher
  stop(): Promise<void>
}

export async function startPreviewer(opts: PreviewerOptions): Promise<Previewer> {
  const dirs = previewDirs(opts.dir)
  const builder = await startPublisher({
    env: { ...opts.env, MODERSMAL_PREVIEW_DIR: dirs.root },
    statusFile: dirs.status,
    debounceMs: 0,
    args: ['--preview'],
    target: 'the draft preview',
    log: opts.log,
  })
  // Unknown at start, so the first preview builds afresh.
  let changedAt = new Date().toISOString()
  const token = randomBytes(16).toString('hex')
  const files = staticFiles(dirs.site, (_req, res) => page(res, 404, 'Not in the preview', '<p>This page is not part of the site, or the draft does not make it.</p>'))

  const server: Server = hardened(createServer(guarded((req, res) => handle(req, res).catch((e: Error) => page(res, 500, 'The preview failed', `<pre>${escapeHtml(e.message)}</pre>`)))))

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'POST' && req.url === changedPath(token)) {
      changedAt = new Date().toISOString()
      res.writeHead(204).end()
      return
    }
    const user = await signedIn(opts.adminUrl, req.headers.cookie)
    if (!user) {
      page(
        res,
        401,
        'Sign in to see the preview',
        `<p>The preview shows unpublished drafts, so only people signed in to the admin can see it.</p><p><a href="${escapeHtml(signInUrl(opts.adminUrl, req.headers.host))}">Sign in to the admin</a>, then open the preview again.</p>`,
      )
      return
    }
    const status = builder.status
    const fresh = status?.lastSuccess && status.lastSuccess.startedAt >= changedAt
    if (!fresh) {
      const failed = status?.lastError && status.lastError.startedAt >= changedAt && !builder.running
      if (failed) {
        page(
          res,
          500,
          'The draft cannot be previewed',
          `<p>Building the preview failed. Fix what is named below and save again; the published site is not affected.</p><pre>${escapeHtml(status.lastError!.message)}</pre>`,
        )
        return
      }
      if (!builder.running) builder.request()
      page(res, 503, 'Preparing the preview…', '<p>The preview is being built from the latest drafts. This page reloads by itself; it takes a few seconds, the first time about a minute.</p>', 3)
      return
    }
    res.setHeader('cache-control', 'no-store')
    res.setHeader('x-robots-tag', 'noindex')
    files(req, res)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host ?? '127.0.0.1', resolve)
  })
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${opts.port}`,
    pingUrl: `http://${opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1'}:${opts.port}${changedPath(token)}`,
    builder,
    async stop() {
      await builder.stop()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/**
 * The admin's sign-in page at the host name this preview was opened with: the login cookie belongs
 * to a host name, so signing in at 127.0.0.1 does nothing for a preview opened at localhost.
 */
export function signInUrl(adminUrl: string, host: string | undefined): string {
  const url = new URL('/admin/login', adminUrl)
  const name = host?.replace(/:\d+$/, '')
  if (name && /^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/i.test(name)) url.hostname = name
  return url.href
}

/** The signed-in admin user the cookie belongs to, or null. */
async function signedIn(adminUrl: string, cookie: string | undefined): Promise<{ email: string } | null> {
  // The token as a header: the admin takes its cookie only from its own pages (cms/admin-origins.ts).
  const token = cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith('payload-token='))
    ?.slice('payload-token='.length)
  if (!token) return null
  // A hung admin must not hold every preview request open with it.
  const res = await fetch(`${adminUrl}/api/users/me`, { headers: { authorization: `JWT ${decodeURIComponent(token)}` }, signal: AbortSignal.timeout(10_000) })
  if (!res.ok) return null
  const body = (await res.json()) as { user?: { email: string } | null }
  return body.user ?? null
}

/** The preview's own pages are for staff: Danish and English are what the admin speaks. */
function page(res: ServerResponse, status: number, title: string, body: string, refreshSeconds?: number): void {
  // Its own style only: no script, no image, no request anywhere.
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-robots-tag': 'noindex',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'referrer-policy': 'no-referrer',
  })
  res.end(`<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
${refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : ''}<meta name="robots" content="noindex"><title>${escapeHtml(title)} · Modersmål preview</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`)
}
