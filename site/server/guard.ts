/**
 * No single request may end a server process: whatever a handler throws, at once or later, ends
 * that one response with a 500 and is logged, and malformed requests are answered by Node with a
 * 400 instead of an unhandled 'clientError'.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>

export function guarded(handler: Handler, log: (m: string) => void = console.error) {
  const fail = (res: ServerResponse, e: unknown) => {
    log(`request failed: ${(e as Error)?.stack ?? String(e)}`)
    if (res.headersSent) return res.destroy()
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Something went wrong on our side.')
  }
  return (req: IncomingMessage, res: ServerResponse): void => {
    try {
      const done = handler(req, res)
      if (done) done.catch((e: unknown) => fail(res, e))
    } catch (e) {
      fail(res, e)
    }
  }
}

/** A socket error of one client (reset, malformed HTTP) stays that client's. */
export function hardened<S extends Server>(server: S): S {
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n')
    else socket.destroy()
  })
  return server
}
