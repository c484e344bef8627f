import type { BrowserWindow } from 'electron'
import { COMMAND_CHANNEL } from '../shared/app-commands.ts'
import type { Command } from '../shared/app-commands.ts'

/** Brings the window forward and hands the page a command (from a menu, shortcut or notification). */
export function sendCommand(window: BrowserWindow | null, command: Command, detail = ''): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
  window.webContents.send(COMMAND_CHANNEL, command, detail)
}

/** Tells the page something changed behind it, leaving the window where it is (in the background, say). */
export function tellPage(window: BrowserWindow | null, command: Command): void {
  if (!window || window.isDestroyed()) return
  window.webContents.send(COMMAND_CHANNEL, command, '')
}
