/**
 * When the change log is folded into a new snapshot: once it passes a size or a number of records (so a
 * launch never replays much), after an idle spell (so the work lands while the seller is not typing), and
 * on closing. The snapshot itself is written by the store; this only decides when.
 */
import type { LogFile } from './log-file.ts'

export interface CompactionPolicy {
  /** Compact once the log is this large… */
  maxLogBytes: number
  /** …or holds this many records. */
  maxRecords: number
  /** Compact after this long without a change (if the log holds anything). Infinity: never. */
  idleMs: number
  /** Compact when the journal is closed (the app's quit). The CLI leaves it to the app. */
  onClose: boolean
}

export const DEFAULT_COMPACTION: CompactionPolicy = {
  maxLogBytes: 4 * 1024 * 1024,
  maxRecords: 1_000,
  idleMs: 60_000,
  onClose: true
}

export class CompactionTimer {
  #policy: CompactionPolicy
  #compact: () => void
  #idle: NodeJS.Timeout | null = null

  constructor(policy: Partial<CompactionPolicy>, compact: () => void) {
    this.#policy = { ...DEFAULT_COMPACTION, ...policy }
    this.#compact = compact
  }

  get compactOnClose(): boolean {
    return this.#policy.onClose
  }

  /** After each saved change: compact now if the log is past its limits, else once things go quiet. */
  changed(log: LogFile): void {
    this.clear()
    if (log.size >= this.#policy.maxLogBytes || log.records >= this.#policy.maxRecords) {
      this.#compact()
      return
    }
    if (!Number.isFinite(this.#policy.idleMs)) return
    // unref: a pending idle compaction never keeps a process (a CLI command, a test) alive.
    this.#idle = setTimeout(this.#compact, this.#policy.idleMs).unref()
  }

  clear(): void {
    if (this.#idle) clearTimeout(this.#idle)
    this.#idle = null
  }
}

/**
 * A task that runs one at a time: asked for while it runs, it runs once more after (changes saved during a
 * compaction are not in its snapshot); asked for again meanwhile, that same next run answers every request.
 */
export class OneAtATime {
  #task: () => Promise<void>
  #running: Promise<void> | null = null
  #waiting: Promise<void> | null = null

  constructor(task: () => Promise<void>) {
    this.#task = task
  }

  run(): Promise<void> {
    if (this.#waiting) return this.#waiting
    const start = (): Promise<void> => {
      this.#waiting = null
      this.#running = this.#task().finally(() => (this.#running = null))
      return this.#running
    }
    if (!this.#running) return start()
    this.#waiting = this.#running.catch(() => undefined).then(start)
    return this.#waiting
  }

  /** Resolves once nothing runs or waits (failures included). */
  async settled(): Promise<void> {
    while (this.#running || this.#waiting) await (this.#waiting ?? this.#running)?.catch(() => undefined)
  }
}
