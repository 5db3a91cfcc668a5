/**
 * Serves the built site (dist/) over HTTP. Files are looked up on every request, so a rebuilt
 * dist/ that was swapped in is served at once, without a restart.
 */
import { createServer, type Server } from 'node:http'
import compression from 'compression'
import { guarded, hardened } from './guard.ts'
import { staticFiles } from './static-files.ts'

export function serveSite(dir: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const files = staticFiles(dir, (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found')
  })
  // gzip for text, as any real host does: our readers pay for every byte of mobile data.
  const compress = compression()
  const server = hardened(
    createServer(
      guarded((req, res) => {
        compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => files(req, res))
      }),
    ),
  )
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(server))
  })
}
