import { dialog, globalShortcut, nativeTheme, shell } from 'electron'
import type { BrowserWindow } from 'electron'
import { writeLocation } from './journal-location.ts'
import type { ShellPort } from '../core/api/shell-port.ts'
import type { Settings } from '../shared/settings.ts'

interface DesktopHooks {
  /** The app's own folder, where the journal's location is remembered. */
  appDir: string
  window: () => BrowserWindow | null
  /** The global shortcut was pressed. */
  onShortcut: () => void
  /** Settings changed that the reminder schedule depends on. */
  onReminderSettings: (settings: Settings) => void
}

/** The ShellPort for the real desktop: native dialogs, the file manager, theme and global shortcut. */
export function createDesktop(hooks: DesktopHooks): ShellPort {
  let shortcut = ''
  const parent = () => hooks.window() ?? undefined
  return {
    async pickFolder(title) {
      const options = {
        title,
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>
      }
      const window = parent()
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async pickFile(title, filters) {
      const options = { title, filters, properties: ['openFile'] as Array<'openFile'> }
      const window = parent()
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async pickFiles(title, filters) {
      const options = {
        title,
        filters,
        properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>
      }
      const window = parent()
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
    },
    async pickSaveFile(title, defaultPath, filters) {
      const options = { title, defaultPath, filters }
      const window = parent()
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
      return result.canceled ? null : (result.filePath ?? null)
    },
    rememberDataDir(dataDir) {
      return writeLocation(hooks.appDir, dataDir)
    },
    async openFolder(path) {
      const problem = await shell.openPath(path)
      if (problem) throw new Error(problem)
    },
    applySettings(settings) {
      nativeTheme.themeSource = settings.theme
      // The global shortcut is off until the user turns it on; a taken shortcut is reported, not fatal.
      if (shortcut) globalShortcut.unregister(shortcut)
      shortcut = ''
      if (settings.globalShortcut.enabled) {
        if (!globalShortcut.register(settings.globalShortcut.accelerator, hooks.onShortcut)) {
          throw new Error(
            `${settings.globalShortcut.accelerator} is already used by another program. Pick another shortcut.`
          )
        }
        shortcut = settings.globalShortcut.accelerator
      }
      hooks.onReminderSettings(settings)
    }
  }
}
