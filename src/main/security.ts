import { app, session } from 'electron'

/** App-wide refusals: no permissions, no webviews, no requests to anywhere but the app's own files. */
export function setupSecurity(isDev: boolean): void {
  const defaultSession = session.defaultSession
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
