/**
 * What the core asks of the desktop around it: native file pickers, opening a folder, applying settings.
 * The Electron shell implements it; tests and the e2e server pass their own. Keeping it an interface
 * keeps `electron` out of the core.
 */
import type { Settings } from '../../shared/settings.ts'
import { RapportError } from '../rapport-error.ts'

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface ShellPort {
  /** A folder the user picks, or null if they cancel. */
  pickFolder(title: string): Promise<string | null>
  /** A file to read, or null if they cancel. */
  pickFile(title: string, filters: FileFilter[]): Promise<string | null>
  /** One or more files to read, or null if they cancel. */
  pickFiles(title: string, filters: FileFilter[]): Promise<string[] | null>
  /** Where to write a new file, or null if they cancel. */
  pickSaveFile(title: string, defaultName: string, filters: FileFilter[]): Promise<string | null>
  /** Shows a folder in the system's file manager. */
  openFolder(path: string): Promise<void>
  /** Remembers where the journal now lives, for the next launch. */
  rememberDataDir(dataDir: string): Promise<void>
  /** Puts settings into effect: theme, global shortcut, reminders. */
  applySettings(settings: Settings): void
}

/** For places with no desktop (the CLI, unit tests): every dialog is refused with a clear message. */
export const NO_SHELL: ShellPort = {
  pickFolder: () => Promise.reject(new RapportError('internal', 'There is no window to pick a folder in.')),
  pickFile: () => Promise.reject(new RapportError('internal', 'There is no window to pick a file in.')),
  pickFiles: () => Promise.reject(new RapportError('internal', 'There is no window to pick files in.')),
  pickSaveFile: () => Promise.reject(new RapportError('internal', 'There is no window to pick a file in.')),
  openFolder: () => Promise.resolve(),
  rememberDataDir: () => Promise.resolve(),
  applySettings: () => undefined
}
