/**
 * A stand-in for `npm start` in tests/e2e/processes.test.ts: starts the admin and a publish, says
 * so on stdout, then waits to be killed.
 */
import { startAdmin } from '../../cms/admin-server.ts'
import { startPublisher } from '../../cms/publish/publisher.ts'

const env = JSON.parse(process.env.CHILD_ENV!) as Record<string, string>
const admin = await startAdmin({ port: Number(process.env.ADMIN_PORT), env })
const publisher = await startPublisher({ env, statusFile: env.MODERSMAL_PUBLISH_STATUS!, debounceMs: 0 })
// And one whose main thread is blocked: it cannot notice anything by itself.
const blocked = await startPublisher({ env, statusFile: `${env.MODERSMAL_PUBLISH_STATUS!}.blocked`, debounceMs: 0, script: new URL('./fixtures/blocked-publish.ts', import.meta.url).pathname })
publisher.request()
blocked.request()
while (!publisher.running || !blocked.running) await new Promise((r) => setTimeout(r, 50))
console.log(JSON.stringify({ admin: admin.url }))
setInterval(() => {}, 60_000)
