/**
 * The quick switcher's state: what is typed, the filters, and the latest results. Each keystroke asks main
 * at once; answers that arrive after a newer question are dropped, so results never jump backwards, and
 * the results are "pending" until the answer to the newest question is shown.
 */
import type { RapportBridge } from '../../../shared/api.ts'
import type { SearchGroup, SearchHit, SearchQuery } from '../../../shared/search.ts'
import { plural } from '../lib/format.ts'

export interface SwitcherOption {
  group: SearchGroup
  /** null for the person themself. */
  hit: SearchHit | null
}

export type Filters = Omit<SearchQuery, 'text' | 'limit'>

export class SwitcherState {
  #bridge: RapportBridge
  #open = $state(false)
  #text = $state('')
  #filters = $state<Filters>({})
  #groups = $state<SearchGroup[]>([])
  #active = $state(0)
  #error = $state('')
  /** The number of the newest question, and of the one whose answer is shown. */
  #asked = $state(0)
  #answered = $state(0)
  /** The newest question's answer being waited for. */
  #latest: Promise<void> = Promise.resolve()

  constructor(bridge: RapportBridge) {
    this.#bridge = bridge
  }

  get open(): boolean {
    return this.#open
  }
  get text(): string {
    return this.#text
  }
  get filters(): Filters {
    return this.#filters
  }
  get groups(): SearchGroup[] {
    return this.#groups
  }
  get error(): string {
    return this.#error
  }
  get active(): number {
    return this.#active
  }
  /** Whether a newer question than the one shown is still unanswered (the results list is aria-busy). */
  get pending(): boolean {
    return this.#asked !== this.#answered
  }

  /**
   * What the results come to, for a screen reader: "5 people, 12 matches", "No match", or '' before anything is
   * asked. It changes only once the answer to the newest question is in, so it is said once per answer.
   */
  get summary(): string {
    if (this.#answered === 0 || this.#error || (this.#text.trim() === '' && !this.#hasFilter())) return ''
    if (this.#groups.length === 0) return 'No match'
    const matches = this.#groups.reduce((sum, group) => sum + group.hits.length, 0)
    return `${plural(this.#groups.length, 'person', 'people')}, ${plural(matches, 'match', 'matches')}`
  }

  /** One row per person, then one per matching entry of theirs. */
  get options(): SwitcherOption[] {
    return this.#groups.flatMap((group) => [
      { group, hit: null },
      ...group.hits.filter((hit) => hit.kind !== 'person').map((hit) => ({ group, hit }))
    ])
  }

  show(): void {
    this.#open = true
  }

  hide(): void {
    this.#open = false
  }

  async type(text: string): Promise<void> {
    this.#text = text
    await (this.#latest = this.#ask())
  }

  async filter(filters: Filters): Promise<void> {
    this.#filters = filters
    await (this.#latest = this.#ask())
  }

  /**
   * Resolves once the answer to the newest question is shown: Enter pressed while a name is still being
   * looked up opens what was typed, not the top row of an older answer still on screen.
   */
  async answered(): Promise<void> {
    while (this.pending) await this.#latest
  }

  move(step: number): void {
    const count = this.options.length
    if (count > 0) this.#active = (this.#active + step + count) % count
  }

  pick(index: number): void {
    this.#active = index
  }

  #hasFilter(): boolean {
    return Object.values(this.#filters).some((value) => value !== undefined && value !== '' && value !== false)
  }

  async #ask(): Promise<void> {
    const asked = ++this.#asked
    if (this.#text.trim() === '' && !this.#hasFilter()) {
      this.#groups = []
      this.#active = 0
      this.#answered = asked
      return
    }
    const query: SearchQuery = { text: this.#text, ...$state.snapshot(this.#filters), limit: 12 }
    const result = await this.#bridge.search({ query })
    if (asked !== this.#asked) return
    this.#answered = asked
    if (result.ok) {
      this.#groups = result.value.groups
      this.#error = ''
    } else {
      this.#error = result.error.message
    }
    this.#active = 0
  }
}
