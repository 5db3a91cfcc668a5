/**
 * How we start the processes that must not outlive us (the admin, publishes, preview builds): node
 * itself with cms/end-with-parent.mjs preloaded, told our pid; it ends itself once we are gone.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { repoRoot } from './paths.ts'

const preload = pathToFileURL(path.join(repoRoot, 'cms', 'end-with-parent.mjs')).href

/** `node [nodeArgs] script [args]`, stdout and stderr piped (and a message channel with `ipc`), ended when this process ends. */
export function spawnOwned(nodeArgs: string[], script: string, args: string[], { ipc = false, ...opts }: Omit<SpawnOptions, 'stdio'> & { ipc?: boolean }): ChildProcess {
  return spawn(process.execPath, ['--import', preload, ...nodeArgs, script, ...args], {
    ...opts,
    env: { ...(opts.env ?? process.env), MODERSMAL_PARENT_PID: String(process.pid) },
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  })
}
