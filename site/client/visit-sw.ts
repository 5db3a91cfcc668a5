/**
 * Visit mode's service worker (Workbox). It caches nothing by itself: only the films, subtitles,
 * posters and pages the health visitor chose, when visit mode asks it to ("save"), into one cache.
 * From that cache it answers, also without network:
 *   - pages: network first (4 s), then the saved copy, then the saved visit page (so "open the
 *     site" works in a home without network); never stored on the way;
 *   - the kit manifest: network first, then the saved copy;
 *   - every other same-origin file: the saved copy if there is one, with HTTP range requests
 *     answered from it (video seeking), else the network, again without storing.
 * Built by site/films/build-steps.ts with esbuild to /visit-sw.js.
 */
import { clientsClaim } from 'workbox-core'
import { RangeRequestsPlugin } from 'workbox-range-requests'
import { registerRoute } from 'workbox-routing'
import { CacheFirst, NetworkFirst, Strategy, type StrategyHandler } from 'workbox-strategies'
import type { KitState } from '../films/kit.ts'

// The WebWorker lib cannot sit beside the DOM lib in one program: the few types used here.
interface ExtendableEventLike extends Event {
  waitUntil(p: Promise<unknown>): void
}
interface MessageEventLike extends ExtendableEventLike {
  data: unknown
  ports: readonly MessagePort[]
}
interface WorkerScope {
  skipWaiting(): Promise<void>
  location: Location
  registration: { scope: string }
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void
}
declare const self: WorkerScope

const kitCache = 'modersmal-visit-kit-v1'
const stateUrl = '/visit-sw/kit-state.json'

self.addEventListener('install', () => void self.skipWaiting())
clientsClaim()

/** Answers from the cache, never writes to it while answering. */
const noWrite = { cacheWillUpdate: async () => null }

const pages = new NetworkFirst({ cacheName: kitCache, networkTimeoutSeconds: 4, plugins: [noWrite] })
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin,
  async (options) => {
    try {
      return await pages.handle(options)
    } catch (e) {
      const cache = await caches.open(kitCache)
      const state = await readState(cache)
      const home = state && (await cache.match(state.home))
      if (home) return home
      throw e
    }
  },
)
registerRoute(({ url }) => url.origin === self.location.origin && url.pathname === '/films/kit.json', new NetworkFirst({ cacheName: kitCache, networkTimeoutSeconds: 4, plugins: [noWrite] }))
registerRoute(
  ({ url, request }) => url.origin === self.location.origin && request.method === 'GET' && !url.pathname.startsWith('/visit-sw'),
  new CacheFirst({ cacheName: kitCache, plugins: [noWrite, new RangeRequestsPlugin()] }),
)

/** Fetches into the kit: a file that fails to arrive whole fails the save. */
class SaveToKit extends Strategy {
  protected async _handle(request: Request, handler: StrategyHandler): Promise<Response> {
    const response = await handler.fetch(request)
    if (response.status !== 200) throw new Error(`${new URL(request.url).pathname}: HTTP ${response.status}`)
    await handler.cachePut(request, response)
    return new Response(null, { status: 204 })
  }
}

async function readState(cache: Cache): Promise<KitState | null> {
  const r = await cache.match(stateUrl)
  return r ? ((await r.json()) as KitState) : null
}

type Message = { type: 'status' } | { type: 'remove' } | { type: 'save'; state: KitState }

self.addEventListener('message', (event) => {
  const msg = event.data as Message
  const port = event.ports[0]
  if (!port || !msg || typeof msg !== 'object') return
  const reply = (data: unknown) => port.postMessage(data)
  const work = (async () => {
    try {
      if (msg.type === 'status') {
        const cache = await caches.open(kitCache)
        reply({ type: 'status', state: await readState(cache) })
      } else if (msg.type === 'remove') {
        await caches.delete(kitCache)
        reply({ type: 'removed' })
      } else if (msg.type === 'save') {
        reply({ type: 'saved', state: await save(msg.state, event, (done, total) => reply({ type: 'progress', done, total })) })
      }
    } catch (e) {
      reply({ type: 'error', message: (e as Error).message })
    }
  })()
  event.waitUntil(work)
})

/**
 * Saves a kit: the files that are new or changed first, the pages last, then the state, and only
 * then drops what the new kit no longer holds. An interrupted save leaves the last kit usable.
 */
async function save(next: KitState, event: ExtendableEventLike, progress: (done: number, total: number) => void): Promise<KitState> {
  const cache = await caches.open(kitCache)
  const previous = await readState(cache)
  const had = new Map((previous?.entries ?? []).map((e) => [e.url, e]))
  const cached = new Set((await cache.keys()).map((r) => new URL(r.url).pathname))
  const wanted = next.entries.filter((e) => !cached.has(e.url) || had.get(e.url)?.rev !== e.rev || !had.has(e.url))
  const ordered = [...wanted.filter((e) => !e.rev), ...wanted.filter((e) => e.rev)]
  const total = ordered.reduce((n, e) => n + e.bytes, 0)
  let done = 0
  progress(0, total)
  let last = 0
  const counting = {
    // Counts the bytes as they arrive, for the progress bar.
    fetchDidSucceed: async ({ response }: { response: Response }) => {
      if (!response.body) return response
      const counter = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          done += chunk.byteLength
          const now = Date.now()
          if (now - last > 100) {
            last = now
            progress(Math.min(done, total), total)
          }
          controller.enqueue(chunk)
        },
      })
      // The body arrives decoded: a stored copy must not claim to be gzip.
      const headers = new Headers(response.headers)
      if (headers.has('content-encoding')) {
        headers.delete('content-encoding')
        headers.delete('content-length')
      }
      return new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers })
    },
  }
  const strategy = new SaveToKit({ cacheName: kitCache, plugins: [counting], fetchOptions: { cache: 'no-store' } })
  // Two at a time: a phone on a slow line does better than with many at once.
  const queue = [...ordered]
  const worker = async () => {
    for (let e = queue.shift(); e; e = queue.shift()) {
      const [response, finished] = strategy.handleAll({ event: event as never, request: new Request(e.url, { credentials: 'same-origin' }) })
      await response
      await finished
    }
  }
  await Promise.all([worker(), worker()])
  progress(total, total)
  const state: KitState = { ...next, savedAt: new Date().toISOString() }
  await cache.put(stateUrl, new Response(JSON.stringify(state), { headers: { 'content-type': 'application/json' } }))
  const keep = new Set([...next.entries.map((e) => e.url), stateUrl])
  for (const request of await cache.keys()) {
    if (!keep.has(new URL(request.url).pathname)) await cache.delete(request)
  }
  return state
}
