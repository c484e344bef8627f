/**
 * settings.json beside the journal. Unlike the journal, unreadable settings fall back to the defaults (the
 * app must start), but the file is left as it is until the user saves, and then kept as
 * settings.unreadable-<time>.json rather than overwritten.
 */
import * as v from 'valibot'
import { readFile, rename } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describeIssue } from '../../shared/schema/common.ts'
import { defaultSettings, SettingsSchema } from '../../shared/settings.ts'
import type { Settings, SettingsPatch } from '../../shared/settings.ts'
import { writeFileDurable } from './durable-write.ts'

export const SETTINGS_FILE = 'settings.json'

export class SettingsFile {
  #path: string
  #settings: Settings
  #problem: string
  #queue: Promise<unknown> = Promise.resolve()
  #memoryOnly = false

  private constructor(path: string, settings: Settings, problem: string) {
    this.#path = path
    this.#settings = settings
    this.#problem = problem
  }

  static async open(dataDir: string): Promise<SettingsFile> {
    const path = join(dataDir, SETTINGS_FILE)
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new SettingsFile(path, defaultSettings(), '')
      return new SettingsFile(
        path,
        defaultSettings(),
        `Rapport could not read its settings (${(error as Error).message}); it is using the defaults.`
      )
    }
    try {
      // Settings from an older version lack newer keys: take the defaults for those.
      const stored = JSON.parse(text) as Record<string, unknown>
      const result = v.safeParse(SettingsSchema, { ...defaultSettings(), ...stored })
      if (result.success) return new SettingsFile(path, result.output, '')
      return new SettingsFile(
        path,
        defaultSettings(),
        `The settings file is not valid (${describeIssue(result.issues[0])}); Rapport is using the defaults until you save.`
      )
    } catch {
      return new SettingsFile(
        path,
        defaultSettings(),
        'The settings file is not valid JSON; Rapport is using the defaults until you save.'
      )
    }
  }

  /** Defaults that are never written: for the CLI and tests without a data folder of their own. */
  static inMemory(): SettingsFile {
    const file = new SettingsFile('', defaultSettings(), '')
    file.#memoryOnly = true
    return file
  }

  get inMemoryOnly(): boolean {
    return this.#memoryOnly
  }

  get settings(): Settings {
    return this.#settings
  }

  /** Why the stored settings could not be used, or ''. */
  get problem(): string {
    return this.#problem
  }

  update(patch: SettingsPatch): Promise<Settings> {
    const run = async () => {
      const next = v.parse(SettingsSchema, {
        ...this.#settings,
        ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
      })
      if (this.#problem) {
        // Keep the unreadable file the user may want to look at.
        await rename(
          this.#path,
          join(dirname(this.#path), `settings.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
        ).catch(() => undefined)
      }
      if (!this.#memoryOnly) await writeFileDurable(this.#path, `${JSON.stringify(next, null, 2)}\n`)
      this.#settings = next
      this.#problem = ''
      return next
    }
    const done = this.#queue.then(run)
    this.#queue = done.catch(() => undefined)
    return done
  }
}
