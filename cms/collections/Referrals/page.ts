/**
 * The small HTML pages the CMS serves outside the admin, for people on a phone: a mother whose
 * "call me" needs correcting (ask/) and a health visitor referring a mother (refer/). One shell:
 * plain forms that need no JavaScript, large targets, the language and direction of the reader,
 * and a policy that loads nothing but this one style.
 */
import { createHash } from 'node:crypto'
import type { PayloadRequest } from 'payload'

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const style = `body{font:1.125rem/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}main{max-width:36rem;margin:auto;padding:1rem}
.problem{border-inline-start:.4rem solid #b00020;padding:.5rem 1rem;background:#fdecee}.ok{border-inline-start:.4rem solid #0b5e4a;padding:.5rem 1rem;background:#e8f5f0}
label{display:block;margin:1rem 0 .25rem;font-weight:600}.muted{color:#4a4a4a;font-size:1rem;margin:.25rem 0}
input[type=tel],input[type=text],input[type=email],input[type=password],input[type=number],select,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;border:2px solid #555;border-radius:.3rem;background:#fff}
.consent{display:flex;gap:.6rem;align-items:flex-start;font-weight:400}.consent input{width:1.6rem;height:1.6rem;flex:none}
.said{border:2px solid #0b5e4a;border-radius:.4rem;padding:.5rem 1rem;margin:1rem 0}.said p{margin:.4rem 0}
button,.button{display:inline-block;font:inherit;font-weight:700;margin-top:1rem;padding:.8rem 1.4rem;border:0;border-radius:.4rem;background:#0b5e4a;color:#fff;min-height:3rem;text-decoration:none;box-sizing:border-box}
.languages{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.5rem}
.languages a{display:block;padding:.6rem;border:2px solid #0b5e4a;border-radius:.4rem;text-decoration:none;color:#1a1a1a;min-height:2.75rem}.languages small{display:block;color:#4a4a4a}
table{border-collapse:collapse;width:100%}th,td{text-align:start;padding:.4rem;border-bottom:1px solid #aaa}
nav{display:flex;gap:1rem;flex-wrap:wrap;justify-content:space-between;align-items:center}nav form button{margin:0;background:#555}
.hp{display:none}a{color:#0b4ea2}`
const styleHash = createHash('sha256').update(style).digest('base64')

/** Only this page's style; forms post to this host and to `formTargets` (a redirect to the site counts). */
export const pageHeaders = (formTargets: string[] = []) => ({
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${styleHash}'; form-action 'self'${formTargets.map((t) => ` ${new URL(t).origin}`).join('')}; frame-ancestors 'none'; base-uri 'none'`,
  'referrer-policy': 'strict-origin',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
})

/** A URL-encoded form of at most `limit` bytes, or the status that refuses it (415, 413). */
export async function readSmallForm(req: PayloadRequest, limit: number): Promise<URLSearchParams | 413 | 415> {
  if (!(req.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return 415
  if (Number(req.headers.get('content-length') ?? 0) > limit) return 413
  const body = (await req.text?.()) ?? ''
  return Buffer.byteLength(body) > limit ? 413 : new URLSearchParams(body)
}

/** A whole page; `body` is HTML the caller escaped. */
export const htmlPage = (a: { lang: string; dir: 'ltr' | 'rtl'; title: string; body: string }) => `<!doctype html>
<html lang="${esc(a.lang)}" dir="${a.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${esc(a.title)}</title><style>${style}</style></head>
<body><main>
${a.body}
</main></body></html>`
