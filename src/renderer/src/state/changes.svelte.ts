/**
 * Every change to the journal from the renderer goes through here: it runs the bridge call, bumps the
 * revision that views reload on, shows an Undo toast for deletes and edits and an error toast for failures
 * that no form is there to show. The last Undo stays reachable (Ctrl/Cmd+Z) after its toast has gone.
 */
import type { RapportBridge } from '../../../shared/api.ts'
import type { ApiError, ApiResult } from '../../../shared/errors.ts'
import type { Removed } from '../../../shared/schema/removed.ts'
import { atPlace, controlNamed, focusWhenShown, placeOf } from '../lib/focus.ts'
import type { Place } from '../lib/focus.ts'

/** What Undo does, and what the toast says once it has. */
export interface UndoStep {
  run: () => Promise<ApiResult<unknown>>
  done: string
  /** What takes the focus once undone: the item put back (found by the control that removed it). */
  back?: () => HTMLElement | null
}

export interface Toast {
  message: string
  tone: 'info' | 'error'
  undo: UndoStep | null
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
  #lastUndo = $state<UndoStep | null>(null)
  /** Where the deleted item stood, for the focus when its toast goes; set while a delete's toast is up. */
  #place = $state<Place | null>(null)

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
  /** The toast is a delete's: its Undo takes the focus, as the control that had it is gone. */
  get toastTakesFocus(): boolean {
    return this.#place !== null
  }
  /** The newest change that can still be undone, toast or not. */
  get canUndo(): boolean {
    return this.#lastUndo !== null
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
      if (!options.quiet) this.#show({ message: result.error.message, tone: 'error', undo: null })
      return result.error
    }
    this.#revision++
    if (options.saved) this.#show({ message: options.saved, tone: 'info', undo: null })
    return null
  }

  /**
   * Runs an edit, and offers Undo: `previous` is the same call with the version before it, so the entry is put
   * back as it was through the API, validated like any edit. Resolves like submit().
   */
  async edit<T>(
    call: () => Promise<ApiResult<T>>,
    previous: () => Promise<ApiResult<unknown>>,
    label: string,
    saved = `${label} saved.`
  ): Promise<ApiError | null> {
    const error = await this.submit(call, { quiet: true })
    if (!error) this.#offerUndo(saved, { run: previous, done: `${label} is back as it was.` })
    return error
  }

  /**
   * Runs a delete and offers Undo for what it removed, with the focus on Undo. Resolves to whether it was
   * deleted. `back` finds what Undo puts back; by default the control that deleted it, found again by name.
   */
  async remove(call: () => Promise<ApiResult<Removed>>, back?: () => HTMLElement | null): Promise<boolean> {
    const from = document.activeElement
    const place = from && from !== document.body ? placeOf(from) : null
    const result = await call()
    if (!result.ok) {
      this.#show({ message: result.error.message, tone: 'error', undo: null })
      return false
    }
    this.#revision++
    const removed: Removed = result.value
    this.#offerUndo(`${removed.label} was deleted.`, {
      run: () => this.#bridge.undoDelete({ removed }),
      done: `${removed.label} is back.`,
      back: back ?? (place ? () => controlNamed(place.name) : undefined)
    })
    this.#place = place
    return true
  }

  /** Undoes the newest change that offered it, whether or not its toast is still up. */
  async undo(): Promise<void> {
    const step = this.#lastUndo
    if (!step) return
    this.#lastUndo = null
    const result = await step.run()
    if (!result.ok) {
      this.#show({ message: `Undo failed: ${result.error.message}`, tone: 'error', undo: null })
      return
    }
    this.#revision++
    this.#show({ message: step.done, tone: 'info', undo: null })
    if (step.back) focusWhenShown(step.back)
  }

  #offerUndo(message: string, undo: UndoStep): void {
    this.#lastUndo = undo
    this.#show({ message, tone: 'info', undo })
  }

  #show(toast: Toast): void {
    this.#toast = toast
    this.#place = null
  }

  /** Views reload after a change made by a call that did not go through run() (it needed the result). */
  changed(): void {
    this.#revision++
  }

  /** Shows a message that is not the result of a change (an export finished, say). */
  notify(message: string, tone: Toast['tone'] = 'info'): void {
    this.#show({ message, tone, undo: null })
  }

  /** The journal was locked: what Undo would bring back is journal data, and goes with it. */
  forget(): void {
    this.#lastUndo = null
    this.#toast = null
    this.#place = null
  }

  /** Closes the toast; a delete's toast that had the focus hands it to what now stands in the item's place. */
  dismiss(): void {
    const place = this.#place
    if (place && document.activeElement?.closest('.toast')) focusWhenShown(() => atPlace(place))
    this.#toast = null
    this.#place = null
  }
}
