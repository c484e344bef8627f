/**
 * Saving in Settings, and what the last save said, shown in the group it was made in: "Theme saved." or why
 * it was refused. One note for the whole view, so a new save clears the one before, wherever it was.
 */
import type { SettingsPatch } from '../../../shared/settings.ts'
import type { Preferences } from './preferences.svelte.ts'

export type SettingsPart = 'appearance' | 'shortcut' | 'reminders' | 'export' | 'calendar' | 'lock'

export interface Note {
  part: SettingsPart
  text: string
  error: boolean
}

export class SettingsNote {
  #prefs: Preferences
  #note = $state<Note | null>(null)

  constructor(prefs: Preferences) {
    this.#prefs = prefs
  }

  /** The last save's note, when it was made in `part`. */
  of(part: SettingsPart): Note | null {
    return this.#note?.part === part ? this.#note : null
  }

  async save(patch: SettingsPatch, what: string, part: SettingsPart): Promise<void> {
    this.#note = null
    const error = await this.#prefs.update(patch)
    this.#note = { part, text: error || `${what} saved.`, error: error !== '' }
  }

  /** Marks `part`'s input as refused and points it at the message, while the last save there was refused. */
  invalid(part: SettingsPart): { 'aria-invalid': boolean; 'aria-describedby': string | undefined } {
    const refused = this.of(part)?.error === true
    return { 'aria-invalid': refused, 'aria-describedby': refused ? `${part}-error` : undefined }
  }
}

/** A text field of a submitted form ('' when absent). */
export function textOf(data: FormData, name: string): string {
  const value = data.get(name)
  return typeof value === 'string' ? value : ''
}
