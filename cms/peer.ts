/**
 * The address that sent a request, for the public endpoints' rate limits (cms/collections/
 * Referrals/ask/): the admin's gate (cms/gate.ts) sets this header and never passes on a client's
 * own. Behind a proxy (MODERSMAL_TRUST_PROXY=1) it is the last address the proxy added to
 * X-Forwarded-For.
 */
import type { IncomingMessage } from 'node:http'

export const peerHeader = 'x-modersmal-peer'

export function peerOf(req: IncomingMessage, trustProxy = false): string {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .at(-1)
        ?.trim()
    : ''
  return forwarded || req.socket.remoteAddress || 'unknown'
}
