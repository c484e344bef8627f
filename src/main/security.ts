import { app, session } from 'electron'
import { join, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

/** App-wide refusals: no permissions, no webviews, no requests to anywhere but the app's own files. */
export function setupSecurity(isDev: boolean): void {
  const defaultSession = session.defaultSession
  // On Windows and Linux Chromium downloads Hunspell dictionaries from Google's CDN for spell checking. It is
  // pointed at a folder on this machine instead (macOS uses its own spell checker and never downloads):
  // dictionaries (.bdic) put there are used; otherwise words are simply not checked (README, "Privacy").
  defaultSession.setSpellCheckerDictionaryDownloadURL(
    pathToFileURL(join(app.getPath('userData'), 'dictionaries') + sep).href
  )
  defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  defaultSession.setPermissionCheckHandler(() => false)
  // Nothing leaves the laptop: any request that is not the app's own file (or the dev server) is cancelled.
  defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const { protocol, hostname } = new URL(details.url)
    const local =
      protocol === 'file:' ||
      protocol === 'devtools:' ||
      (isDev && (hostname === 'localhost' || hostname === '127.0.0.1'))
    callback({ cancel: !local })
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
}
