/**
 * Counts in this admin process's memory: how often a key (an address, a number's digest) was seen
 * within a span of time. Lost on a restart, which only ever lets a few more through.
 */
/** A bound on memory: past it the oldest keys are forgotten. */
const maxKeys = 50_000

/** Timestamps per key within a window: a sliding-window count. */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>()
  constructor(private readonly span: number) {}

  count(key: string, now: number): number {
    const kept = (this.hits.get(key) ?? []).filter((t) => now - t < this.span)
    if (kept.length) this.hits.set(key, kept)
    else this.hits.delete(key)
    return kept.length
  }

  add(key: string, now: number): void {
    const list = this.hits.get(key) ?? []
    this.hits.delete(key)
    this.hits.set(key, [...list, now])
    if (this.hits.size > maxKeys) this.hits.delete(this.hits.keys().next().value as string)
  }
}

const minute = 60_000

/** Posts from one sending address: at most so many in 10 minutes, and in a day. */
export class AddressLimit {
  private readonly tenMinutes = new SlidingWindow(10 * minute)
  private readonly day = new SlidingWindow(24 * 60 * minute)
  constructor(
    private readonly per10Min: number,
    private readonly perDay: number,
  ) {}

  /** Every post counts, well-formed or not. False: this address has sent enough for now. */
  admit(address: string, now = Date.now()): boolean {
    if (this.tenMinutes.count(address, now) >= this.per10Min || this.day.count(address, now) >= this.perDay) return false
    this.tenMinutes.add(address, now)
    this.day.add(address, now)
    return true
  }
}
