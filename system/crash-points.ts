/**
 * Named points at which the fault tests end a process for real, with SIGKILL, as a power cut, the
 * OOM killer or an operator's `kill -9` would: no handler runs, nothing is flushed. What such a
 * death leaves behind must be whole (tests/faults/). Without MODERSMAL_CRASH_AT a point costs one
 * comparison.
 *
 * MODERSMAL_CRASH_AT=<point> dies the first time the point is passed, <point>#<n> the n-th time.
 */
const [point, nth] = (process.env.MODERSMAL_CRASH_AT ?? '').split('#')
const at = Number(nth ?? 1)
let passed = 0

export type CrashPoint = 'seed:write' | 'export:staged' | 'export:swap' | 'build:staged' | 'import:write'

export function crashPoint(name: CrashPoint): void {
  if (name !== point || ++passed !== at) return
  process.kill(process.pid, 'SIGKILL')
}
