/**
 * When the machine, not the person, is at fault: a full disk, a read-only folder, a database that
 * another program holds. Such errors arrive as codes (ENOSPC, SQLITE_BUSY, 55P03), often wrapped
 * in another error (a failed query, a failed copy); this names them in words an editor can pass on.
 * Each caller says what it means for her (nothing was saved; the live site is unchanged).
 */
export interface MachineFault {
  kind: 'disk-full' | 'read-only' | 'database-busy'
  /** HTTP status for an answer: 507 Insufficient Storage, 503 for the others (it passes). */
  status: number
  /** "The server's disk is full (…)": what happened, one sentence without a full stop. */
  what: string
}

const kinds: Record<string, MachineFault['kind']> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  SQLITE_FULL: 'disk-full',
  '53100': 'disk-full', // PostgreSQL: disk_full
  EROFS: 'read-only',
  SQLITE_READONLY: 'read-only',
  SQLITE_BUSY: 'database-busy',
  SQLITE_LOCKED: 'database-busy',
  '55P03': 'database-busy', // PostgreSQL: lock_not_available (lock_timeout)
}

/** The first error in the chain (error, its cause, …) whose code we know. */
function known(e: unknown): { code: string; path?: string } | null {
  for (let x = e, depth = 0; x && typeof x === 'object' && depth < 8; x = (x as { cause?: unknown }).cause, depth++) {
    // A copy names its source as `path` and where it was writing as `dest`.
    const { code, path, dest } = x as { code?: unknown; path?: unknown; dest?: unknown }
    const at = [dest, path].find((p): p is string => typeof p === 'string')
    if (typeof code === 'string' && code in kinds) return { code, path: at }
    // libsql puts the SQLite code in the message when it wraps it ("SQLITE_BUSY: database is locked").
    const inMessage = /\b(SQLITE_[A-Z]+)\b/.exec(String((x as { message?: unknown }).message ?? ''))?.[1]
    if (inMessage && inMessage in kinds) return { code: inMessage }
  }
  return null
}

export function machineFault(e: unknown): MachineFault | null {
  const found = known(e)
  if (!found) return null
  const where = found.path ? ` at ${found.path}` : ''
  switch (kinds[found.code]) {
    case 'disk-full':
      return { kind: 'disk-full', status: 507, what: `The server's disk is full (${found.code}${where})` }
    case 'read-only':
      return { kind: 'read-only', status: 503, what: `The server cannot write to its data folder, which is read-only (${found.code}${where})` }
    default:
      return { kind: 'database-busy', status: 503, what: `The database is busy: another program is writing to it and did not let go in time (${found.code})` }
  }
}
