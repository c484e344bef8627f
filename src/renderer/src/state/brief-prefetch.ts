/**
 * The brief of the person highlighted in the quick switcher, asked for as soon as the answer is shown, so that
 * Ctrl+Enter paints it without a round trip to main. One brief is kept, and only while nothing in the journal
 * has changed since and it is at most a minute old (its "their time" and "days since" are of that moment).
 */
import type { RapportBridge } from '../../../shared/api.ts'
import type { ApiResult } from '../../../shared/errors.ts'
import type { Brief } from '../../../shared/pre-call-brief.ts'

const MAX_AGE_MS = 60_000

export class BriefPrefetch {
  #bridge: RapportBridge
  #revision: () => number
  #kept: { id: string; revision: number; at: number; brief: Promise<ApiResult<Brief>> } | null = null

  /** `revision`: the app's count of changes (Changes.revision); a brief asked for before one is stale. */
  constructor(bridge: RapportBridge, revision: () => number) {
    this.#bridge = bridge
    this.#revision = revision
  }

  prefetch(id: string): void {
    if (this.#fresh(id)) return
    this.#kept = { id, revision: this.#revision(), at: Date.now(), brief: this.#bridge.getBrief({ id }) }
  }

  /** The brief kept for `id` if it is still fresh (once), else a new one from main. */
  take(id: string): Promise<ApiResult<Brief>> {
    const kept = this.#fresh(id) ? this.#kept!.brief : null
    this.#kept = null
    return kept ?? this.#bridge.getBrief({ id })
  }

  /** The journal was locked: a brief is journal data, and goes with it. */
  forget(): void {
    this.#kept = null
  }

  #fresh(id: string): boolean {
    const kept = this.#kept
    return kept !== null && kept.id === id && kept.revision === this.#revision() && Date.now() - kept.at < MAX_AGE_MS
  }
}
