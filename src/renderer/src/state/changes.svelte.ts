/**
 * Every change to the journal from the renderer goes through here: it runs the bridge call, bumps the
 * revision that views reload on, shows an Undo toast for deletes and an error toast for failures that no
 * form is there to show.
 */
import type { RapportBridge } from '../../../shared/api.ts'
import type { ApiError, ApiResult } from '../../../shared/errors.ts'
import type { Removed } from '../../../shared/schema/removed.ts'

export interface Toast {
  message: string
  tone: 'info' | 'error'
  removed: Removed | null
}

interface RunOptions {
  /** The caller shows the error itself: no toast. */
  quiet?: boolean
  /** A toast to show once saved. */
  saved?: string
}

export class Changes {
  #bridge: RapportBridge
  #revision = $state(0)
  #toast = $state<Toast | null>(null)

  constructor(bridge: RapportBridge) {
    this.#bridge = bridge
  }

  get bridge(): RapportBridge {
    return this.#bridge
  }
  /** Increases after every saved change; views read it in an $effect to reload. */
  get revision(): number {
    return this.#revision
  }
  get toast(): Toast | null {
    return this.#toast
  }

  /** Runs a change. Resolves to '' when saved, or the error message (also toasted unless `quiet`). */
  async run<T>(call: () => Promise<ApiResult<T>>, options: RunOptions = {}): Promise<string> {
    return this.#settle(await call(), options)?.message ?? ''
  }

  /** Like run(), for a form that shows the error beside the field it names: resolves to null when saved. */
  async submit<T>(call: () => Promise<ApiResult<T>>, options: RunOptions = {}): Promise<ApiError | null> {
    return this.#settle(await call(), options)
  }

  // Synchronous, so that a form's own next step (closing, say) follows in the same tick as the toast.
  #settle<T>(result: ApiResult<T>, options: RunOptions): ApiError | null {
    if (!result.ok) {
      if (!options.quiet) this.#toast = { message: result.error.message, tone: 'error', removed: null }
      return result.error
    }
    this.#revision++
    if (options.saved) this.#toast = { message: options.saved, tone: 'info', removed: null }
    return null
  }

  /** Runs a delete and offers Undo for what it removed. Resolves to whether it was deleted. */
  async remove(call: () => Promise<ApiResult<Removed>>): Promise<boolean> {
    const result = await call()
    if (!result.ok) {
      this.#toast = { message: result.error.message, tone: 'error', removed: null }
      return false
    }
    this.#revision++
    this.#toast = { message: `${result.value.label} was deleted.`, tone: 'info', removed: result.value }
    return true
  }

  async undo(): Promise<void> {
    const removed = this.#toast?.removed
    if (!removed) return
    const result = await this.#bridge.undoDelete({ removed: $state.snapshot<Removed>(removed) })
    if (!result.ok) {
      this.#toast = { message: `Undo failed: ${result.error.message}`, tone: 'error', removed: null }
      return
    }
    this.#revision++
    this.#toast = { message: `${removed.label} is back.`, tone: 'info', removed: null }
  }

  /** Views reload after a change made by a call that did not go through run() (it needed the result). */
  changed(): void {
    this.#revision++
  }

  /** Shows a message that is not the result of a change (an export finished, say). */
  notify(message: string, tone: Toast['tone'] = 'info'): void {
    this.#toast = { message, tone, removed: null }
  }

  dismiss(): void {
    this.#toast = null
  }
}
