/**
 * The Content-Security-Policy of every public page. Astro writes it into each page's <head> as a
 * meta tag, with the hashes of the scripts and styles it bundled (astro.config.mjs); the page's
 * own inline additions (a language's font) add their hash here. Only this machine's files, no
 * plug-ins, no framing of forms elsewhere: a script an editor slipped into a guide would not run,
 * and nothing on a page can call another host.
 */
import { createHash } from 'node:crypto'

/** The site's own forms post here, and the mother's "call me" to the CMS (site/lib/ask.ts). */
const formAction = (cms: URL | undefined) => `form-action 'self'${cms ? ` ${cms.origin}` : ''}` as const

export const cspDirectives = (cms: URL | undefined) => [
  "default-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  formAction(cms),
]

/** Pagefind's search runs as WebAssembly, which CSP treats as evaluated code. */
export const cspScriptResources = ["'self'", "'wasm-unsafe-eval'"]

/** The CSP source for an inline script's or style's text. */
export const cspHash = (text: string): `sha256-${string}` => `sha256-${createHash('sha256').update(text).digest('base64')}`

/**
 * Headers our servers (site/server/) add to every answer: what a meta tag cannot say (no page of
 * ours inside another site's frame), no sniffing of types, and no address of a mother's page
 * (her town, her language) sent to the sites she follows a link to.
 */
export const securityHeaders: Record<string, string> = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
}
