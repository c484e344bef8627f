import { app, Menu } from 'electron'
import type { MenuItemConstructorOptions } from 'electron'
import type { Command } from '../shared/app-commands.ts'

/**
 * The application menu, with the platform's conventions (macOS app menu; File, Edit, View, Window, Help)
 * and an accelerator for every main action. Items send commands; the page carries them out.
 */
export function setupMenu(isDev: boolean, send: (command: Command) => void): void {
  const isMac = process.platform === 'darwin'
  const item = (label: string, command: Command, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(command),
    ...(accelerator ? { accelerator } : {})
  })
  const settings = item(isMac ? 'Settings…' : 'Settings', 'go-settings', 'CmdOrCtrl+,')
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: app.name,
            submenu: [
              { role: 'about' as const },
              { type: 'separator' as const },
              settings,
              { type: 'separator' as const },
              { role: 'services' as const },
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const }
            ]
          }
        ]
      : []),
    {
      label: '&File',
      submenu: [
        item('New Person', 'new-person', 'CmdOrCtrl+Shift+N'),
        item('Log Conversation', 'log-conversation', 'CmdOrCtrl+L'),
        item('Quick Capture…', 'quick-capture', 'CmdOrCtrl+Shift+L'),
        { type: 'separator' },
        item('Import Contacts or Backup…', 'import', 'CmdOrCtrl+I'),
        item('Export to Markdown…', 'export-markdown', 'CmdOrCtrl+E'),
        item('Export This Person to Markdown…', 'export-person', 'CmdOrCtrl+Alt+E'),
        item('Export Calendar of Follow-ups (.ics)…', 'export-ics', 'CmdOrCtrl+Alt+C'),
        item('Export Contacts (vCard)…', 'export-vcard', 'CmdOrCtrl+Alt+V'),
        item('Export This Person as vCard…', 'export-person-vcard', 'CmdOrCtrl+Alt+Shift+V'),
        item('Export Full Backup (JSON)…', 'export-json', 'CmdOrCtrl+Shift+E'),
        item('Back Up Now', 'backup-now', 'CmdOrCtrl+B'),
        item('Lock Journal', 'lock-journal', 'CmdOrCtrl+Shift+K'),
        ...(isMac
          ? []
          : [{ type: 'separator' as const }, settings, { type: 'separator' as const }, { role: 'quit' as const }])
      ]
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        item('Quick Switcher', 'open-switcher', 'CmdOrCtrl+K'),
        { type: 'separator' },
        item('Today', 'go-today', 'CmdOrCtrl+1'),
        item('People', 'go-people', 'CmdOrCtrl+2'),
        item('Me', 'go-me', 'CmdOrCtrl+3'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDev
          ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
          : [])
      ]
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        item('Keyboard Shortcuts', 'show-shortcuts', 'Shift+?'),
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'about' as const }])
      ]
    }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
