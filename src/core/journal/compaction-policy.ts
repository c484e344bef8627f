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
