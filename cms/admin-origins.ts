/**
 * The origins the admin is opened at: the only pages whose requests may carry an editor's login
 * cookie (Payload's `csrf` list). The site and the preview run on other ports of the same host,
 * and browsers send a host's cookies to every port: without this list a script there (a link in a
 * guide, a page in the preview) could call the admin's API as whoever is signed in.
 */
import { networkInterfaces } from 'node:os'

const loopback = new Set(['127.0.0.1', 'localhost', '::1'])

/** Every origin a browser may use for an admin listening on host:port (all addresses for 0.0.0.0). */
export function adminOrigins(host: string, port: number, publicUrl = process.env.CMS_PUBLIC_URL): string[] {
  const hosts = new Set<string>(loopback.has(host) ? ['127.0.0.1', 'localhost'] : [host])
  if (host === '0.0.0.0' || host === '::') {
    hosts.add('127.0.0.1').add('localhost')
    for (const addrs of Object.values(networkInterfaces())) for (const a of addrs ?? []) if (a.family === 'IPv4') hosts.add(a.address)
  }
  hosts.delete('0.0.0.0')
  hosts.delete('::')
  const origins = [...hosts].map((h) => `http://${h}:${port}`)
  if (publicUrl) origins.push(new URL(publicUrl).origin)
  return [...new Set(origins)]
}

/** The list the running admin was given by startAdmin, or the development default (port 3000). */
export function adminOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const given = env.MODERSMAL_ADMIN_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter(Boolean)
  return given?.length ? given : adminOrigins(env.HOST ?? '127.0.0.1', Number(env.CMS_PORT ?? 3000), env.CMS_PUBLIC_URL)
}

/** Where people reach the admin from outside, for a link in an e-mail: CMS_PUBLIC_URL, else its first origin. */
export function adminPublicUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.CMS_PUBLIC_URL || adminOriginsFromEnv(env)[0]!
}

/**
 * The public site's origins: the only pages a mother's "call me" may be posted from (the ask
 * endpoint's Origin check). The first is where she is sent back to. MODERSMAL_SITE_ORIGINS lists
 * them; else SITE_URL; else the site of `npm start` on this machine.
 */
export function siteOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const given = env.MODERSMAL_SITE_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter(Boolean)
  if (given?.length) return given.map((o) => new URL(o).origin)
  if (env.SITE_URL) return [new URL(env.SITE_URL).origin]
  const port = Number(env.SITE_PORT ?? 4321)
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
}
