import type { RapportBridge } from '../../../shared/api.ts'
import type {
  ColumnMapping,
  ImportAction,
  ImportOutcome,
  ImportPreview,
  MappedField
} from '../../../shared/transfer.ts'

/**
 * The import screen's steps: pick a file, look at (and adjust) the preview, import or cancel. The preview
 * itself stays in the core behind a token; this holds what the user sees and chose.
 */
export class ImportFlow {
  #bridge: RapportBridge
  #changed: () => void
  #preview = $state<ImportPreview | null>(null)
  #decisions = $state<Record<string, ImportAction>>({})
  #outcome = $state<ImportOutcome | null>(null)
  #error = $state('')
  #busy = $state(false)

  /** `changed` is told once an import has changed the journal, so every view reloads. */
  constructor(bridge: RapportBridge, changed: () => void) {
    this.#bridge = bridge
    this.#changed = changed
  }

  get preview(): ImportPreview | null {
    return this.#preview
  }
  get outcome(): ImportOutcome | null {
    return this.#outcome
  }
  get error(): string {
    return this.#error
  }
  get busy(): boolean {
    return this.#busy
  }

  /** What will happen to a contact: the user's choice, else the suggestion. */
  actionOf(index: number, suggested: ImportAction): ImportAction {
    return this.#decisions[String(index)] ?? suggested
  }
  decide(index: number, action: ImportAction): void {
    this.#decisions[String(index)] = action
  }

  /** How many contacts will be added, merged and skipped, with the user's choices. */
  readonly counts = $derived.by(() => {
    const preview = this.#preview
    if (preview?.kind !== 'contacts') return null
    const chosen = preview.items.map((item) => this.actionOf(item.index, item.action))
    const count = (action: ImportAction) => chosen.filter((a) => a === action).length
    return { add: count('add'), merge: count('merge'), skip: count('skip') }
  })

  async pick(): Promise<void> {
    await this.cancel()
    this.#error = ''
    this.#outcome = null
    this.#busy = true
    const result = await this.#bridge.importPick()
    this.#busy = false
    if (!result.ok) this.#error = result.error.message
    else if (!result.value.canceled) this.#preview = result.value.preview
  }

  /** The mapping step: column `column` becomes `field` (null: not imported); false when that was refused. */
  async remap(column: number, field: MappedField | null): Promise<boolean> {
    const preview = this.#preview
    if (preview?.kind !== 'contacts' || !preview.csv) return false
    const mapping: ColumnMapping = preview.csv.mapping.map((f, i) => (i === column ? field : f))
    const result = await this.#bridge.importRemap({ token: preview.token, mapping })
    if (!result.ok) {
      this.#error = result.error.message
      return false
    }
    this.#preview = result.value
    this.#decisions = {}
    this.#error = ''
    return true
  }

  async apply(mode: 'merge' | 'replace' = 'merge'): Promise<void> {
    const preview = this.#preview
    if (!preview) return
    this.#busy = true
    const decisions = $state.snapshot(this.#decisions)
    const result = await this.#bridge.importApply({ token: preview.token, decisions, mode })
    this.#busy = false
    if (!result.ok) {
      this.#error = result.error.message
      return
    }
    this.#outcome = result.value
    this.#preview = null
    this.#decisions = {}
    this.#changed()
  }

  async cancel(): Promise<void> {
    const preview = this.#preview
    this.#preview = null
    this.#decisions = {}
    if (preview) await this.#bridge.importCancel({ token: preview.token })
  }
}
