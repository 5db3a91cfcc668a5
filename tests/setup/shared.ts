/**
 * Something a global set-up starts once for every project that lists it (a built site, a
 * PostgreSQL server). Global set-ups all run in Vitest's main process, so it is kept on globalThis,
 * counted, and stopped when the last project is done with it.
 */
interface Entry<T> {
  value: Promise<T>
  users: number
  stop(value: T): void
}

const store = globalThis as unknown as Record<symbol, Entry<unknown> | undefined>

export async function shared<T>(name: string, start: () => Promise<T> | T, stop: (value: T) => void): Promise<{ value: T; release(): void }> {
  const key = Symbol.for(`modersmal.test.${name}`)
  let entry = store[key] as Entry<T> | undefined
  if (!entry) {
    entry = { value: Promise.resolve().then(start), users: 0, stop }
    store[key] = entry as Entry<unknown>
  }
  entry.users++
  const value = await entry.value
  const held = entry
  return {
    value,
    release() {
      if (--held.users > 0) return
      store[key] = undefined
      held.stop(value)
    },
  }
}
