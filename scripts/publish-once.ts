/**
 * One publish in its own process (cms/publish/publishOnce.ts does the work). What goes to stderr is
 * what the editors read in the admin's publish status: a machine's fault (a full disk …) in words,
 * not a stack.
 *
 * - By hand: one publish, then one line of JSON with the figures.
 * - `--serve`, as the publisher runs it: a warm worker. It loads Node, tsx, Astro and Payload once
 *   and waits; each "publish" message runs one publish and answers with its figures. A second
 *   build in a warm process takes about half the time of the first (the benchmark's "publish →
 *   live, where it went"). After a failure it answers and ends, so no half-done state is reused.
 */
import type { Payload } from 'payload'
import { closeCms, openCms } from '../cms/boot.ts'
import { publishOnce } from '../cms/publish/publishOnce.ts'
import { removalsDone } from '../site/build/build-site.ts'
import type { WorkerAnswer } from '../cms/publish/publisher.ts'
import { parseCommand } from '../system/cli.ts'
import { machineFault } from '../system/machine-faults.ts'

const { preview, serve } = parseCommand({
  usage: 'Usage: tsx scripts/publish-once.ts [--preview] [--serve] (the publisher runs it)',
  options: { preview: { type: 'boolean', default: false }, serve: { type: 'boolean', default: false } },
}).values
const then = {
  'disk-full': 'make room on it, then publish again',
  'read-only': 'make the folder writable, then publish again',
  'database-busy': 'the next save tries again',
} as const

/** The editors' words for a machine's fault; anything else is ours to read in its stack. */
function faultMessage(e: unknown): string | undefined {
  const fault = machineFault(e)
  if (!fault) return undefined
  return `${fault.what}. ${preview ? 'The preview is unchanged' : 'The live site is unchanged'}; ${then[fault.kind]}.`
}

/** A worker this large after a publish ends after answering; the publisher starts a fresh one. */
const maxRssBytes = Number(process.env.MODERSMAL_PUBLISH_WORKER_MAX_MB ?? 1536) * 1024 * 1024

if (!serve) {
  // Since the process started: Node, tsx and every import (Astro, Payload) before any work.
  const startup = Math.round(performance.now())
  try {
    const { ms, pages, steps, skipped } = await publishOnce({ preview })
    console.log(JSON.stringify({ ms, pages, steps: { startup, ...steps }, skipped }))
    await removalsDone()
    process.exit(0)
  } catch (e) {
    const message = faultMessage(e)
    if (!message) throw e
    console.error(message)
    process.exit(1)
  }
} else {
  const send = (answer: WorkerAnswer) => new Promise<void>((resolve) => process.send!(answer, () => resolve()))
  let payload: Payload | undefined
  let busy = false
  process.on('message', async (message) => {
    if (message !== 'publish' || busy) return
    busy = true
    try {
      payload ??= await openCms({ migrate: false })
      const { ms, pages, steps, skipped } = await publishOnce({ preview, payload })
      await send({ ok: true, ms, pages, steps, skipped })
      if (process.memoryUsage().rss > maxRssBytes) await end(0)
      busy = false
    } catch (e) {
      const words = faultMessage(e)
      if (!words) console.error(e)
      await send({ ok: false, message: words })
      await end(1)
    }
  })
  // The publisher gone (or done with us): nothing more will come.
  process.on('disconnect', () => void end(0))

  async function end(code: number): Promise<never> {
    if (payload) await closeCms(payload).catch(() => {})
    await removalsDone()
    process.exit(code)
  }
}
