/**
 * Serves the built site (dist/) over HTTP. Files are looked up on every request, so a rebuilt
 * dist/ that was swapped in is served at once, without a restart.
 */
import { createServer, type Server } from 'node:http'
import compression from 'compression'
import sirv from 'sirv'

export function serveSite(dir: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const files = sirv(dir, { dev: true, etag: true, extensions: ['html'] })
  // gzip for text, as any real host does: our readers pay for every byte of mobile data.
  const compress = compression()
  const server = createServer((req, res) => {
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () =>
      files(req, res, () => {
        res.statusCode = 404
        res.setHeader('content-type', 'text/plain; charset=utf-8')
        res.end('Not found')
      }),
    )
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(server))
  })
}
