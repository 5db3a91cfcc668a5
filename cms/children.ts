/**
 * How we start the processes that must not outlive us (the admin, publishes, preview builds): node
 * itself with cms/end-with-parent.mjs preloaded and an IPC channel, which closes when we die.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { repoRoot } from './paths.ts'

const preload = pathToFileURL(path.join(repoRoot, 'cms', 'end-with-parent.mjs')).href

/** `node [nodeArgs] script [args]`, stdout and stderr piped, ended when this process ends. */
export function spawnOwned(nodeArgs: string[], script: string, args: string[], opts: Omit<SpawnOptions, 'stdio'>): ChildProcess {
  // The watch first, before slower preloads (tsx) give a parent's death time to go unnoticed.
  return spawn(process.execPath, ['--import', preload, ...nodeArgs, script, ...args], { ...opts, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
}
