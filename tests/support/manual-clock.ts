/** A clock tests move by hand: timers run when the test advances time past them, in order, never by themselves. */
export class ManualClock {
  #now: number
  #timers = new Map<number, { at: number; run: () => void }>()
  #next = 1

  constructor(start: Date) {
    this.#now = start.getTime()
  }

  now = (): Date => new Date(this.#now)

  setTimer = (run: () => void, ms: number): number => {
    const id = this.#next++
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), run })
    return id
  }

  clearTimer = (timer: unknown): void => {
    this.#timers.delete(timer as number)
  }

  /** When the next timer is due, or null when none is waiting. */
  get nextAt(): Date | null {
    const times = [...this.#timers.values()].map((t) => t.at)
    return times.length > 0 ? new Date(Math.min(...times)) : null
  }

  /** Moves time forward by `ms`, running each timer that comes due on the way. */
  advance(ms: number): void {
    const end = this.#now + ms
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0]
      if (!due) break
      this.#timers.delete(due[0])
      this.#now = due[1].at
      due[1].run()
    }
    this.#now = end
  }
}
