/**
 * The main window's options and the rules for what it may load. Kept apart from window.ts so tests can
 * check the security settings without Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron'

export function mainWindowOptions(preloadPath: string, iconPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Rapport',
    icon: iconPath,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true
    }
  }
}

/** True only for the app's own page: the built file, or the dev server during `npm run dev`. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url)
    const app = new URL(appUrl)
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname
    return target.origin === app.origin
  } catch {
    return false
  }
}

/**
 * Links the user clicks open outside the app: web pages in their browser, an email address or a phone number
 * (the profile's) in their mail or phone app; nothing else, checked after parsing the URL.
 */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return ['https:', 'http:', 'mailto:', 'tel:'].includes(protocol)
  } catch {
    return false
  }
}
