import { app, Menu } from 'electron'
import type { MenuItemConstructorOptions } from 'electron'

/** The platform's standard menus; app-specific items arrive with the features that need them. */
export function setupMenu(isDev: boolean): void {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(isDev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: `About ${app.name}`, click: () => app.showAboutPanel() }] }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
