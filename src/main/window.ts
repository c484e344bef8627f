import { BrowserWindow, screen } from 'electron'
import { openLinkAfterAsking } from './external-links.ts'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadWindowState, placeWindow, saveWindowState } from './window-state.ts'
import { isAppUrl, mainWindowOptions } from './window-options.ts'

/** The built page, beside this bundle: out/renderer/index.html next to out/main/. */
const builtPage = join(import.meta.dirname, '../renderer/index.html')

/** electron-vite's dev server during `npm run dev`; null when the built page is shown. */
function devServerUrl(): string | null {
  const devUrl = process.env.ELECTRON_RENDERER_URL
  return devUrl && !process.env.RAPPORT_FORCE_BUILT ? devUrl : null
}

/** The URL of the app's page: electron-vite's dev server in development, the built file otherwise. */
export function appUrl(): string {
  return devServerUrl() ?? pathToFileURL(builtPage).href
}

export async function createMainWindow(dataDir: string): Promise<BrowserWindow> {
  const primary = screen.getPrimaryDisplay()
  const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea)
  const place = placeWindow(await loadWindowState(dataDir), areas)
  const window = new BrowserWindow({
    ...mainWindowOptions(
      join(import.meta.dirname, '../preload/index.cjs'),
      join(import.meta.dirname, '../../resources/icon.png')
    ),
    x: place.x,
    y: place.y,
    width: place.width,
    height: place.height
  })
  if (place.maximized) window.maximize()
  // Remembered for next time: the size before maximising, and whether it was maximised.
  window.on('close', () => {
    const bounds = window.getNormalBounds()
    void saveWindowState(dataDir, { ...bounds, maximized: window.isMaximized() }).catch(() => undefined)
  })
  const url = appUrl()
  // Every new window is refused; web links go to the user's browser instead, once the user says so.
  window.webContents.setWindowOpenHandler(({ url: target }) => {
    void openLinkAfterAsking(window, target).catch(() => undefined)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, target) => {
    if (!isAppUrl(target, url)) event.preventDefault()
  })
  window.webContents.on('will-redirect', (event, target) => {
    if (!isAppUrl(target, url)) event.preventDefault()
  })
  window.once('ready-to-show', () => window.show())
  const devUrl = devServerUrl()
  void (devUrl ? window.loadURL(devUrl) : window.loadFile(builtPage))
  return window
}
