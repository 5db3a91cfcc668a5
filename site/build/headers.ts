/**
 * The `_headers` file (Netlify, Cloudflare Pages and others): on another host, the same headers
 * our own servers send (site/server/static-files.ts): the security headers on every answer, and a
 * year in the browser's cache for the files named by their content.
 */
import { contentAddressed, keepForAYear } from '../lib/cache-policy.ts'
import { securityHeaders } from '../lib/csp.ts'

export function headersFile(): string {
  const block = (pattern: string, headers: Record<string, string>) => [pattern, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n')
  return `${[block('/*', securityHeaders), ...contentAddressed.map((p) => block(p, { 'cache-control': keepForAYear }))].join('\n')}\n`
}
