/** The app's settings as the renderer sees them; saving applies them in main (theme, shortcut, reminders). */
import type { RapportBridge } from '../../../shared/api.ts'
import type { Settings, SettingsPatch } from '../../../shared/settings.ts'
import { display } from '../lib/display.svelte.ts'

export class Preferences {
  #bridge: RapportBridge
  #settings = $state<Settings | null>(null)
  #problem = $state('')
  #dataDir = $state('')

  constructor(bridge: RapportBridge) {
    this.#bridge = bridge
  }

  get settings(): Settings | null {
    return this.#settings
  }
  /** Why the stored settings could not be used, or ''. */
  get problem(): string {
    return this.#problem
  }
  get dataDir(): string {
    return this.#dataDir
  }

  async load(): Promise<void> {
    const result = await this.#bridge.getSettings()
    if (!result.ok) return
    this.#problem = result.value.problem
    this.#dataDir = result.value.dataDir
    this.#apply(result.value.settings)
  }

  /** Saves a change; resolves to the error message, or '' once saved and applied. */
  async update(patch: SettingsPatch): Promise<string> {
    const result = await this.#bridge.updateSettings({ patch })
    if (!result.ok) return result.error.message
    this.#problem = ''
    this.#apply(result.value)
    return ''
  }

  #apply(settings: Settings): void {
    this.#settings = settings
    display.dateFormat = settings.dateFormat
    // The theme override also works where the OS setting cannot be changed (and in the browser tests).
    document.documentElement.dataset.theme = settings.theme
  }
}
