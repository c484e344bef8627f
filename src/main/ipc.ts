import { ipcMain } from 'electron'
import type { IpcMainInvokeEvent } from 'electron'
import { apiNames } from '../shared/api.ts'
import { dispatch } from '../core/api/handlers.ts'
import type { Handlers } from '../core/api/handlers.ts'
import { isAppUrl } from './window-options.ts'

/** Registers exactly one ipcMain handler per API call; each answers only the app's own top frame. */
export function setupIpc(handlers: Handlers, appUrl: string): void {
  for (const name of apiNames) {
    ipcMain.handle(name, (event, payload: unknown) => {
      if (!isTrustedSender(event, appUrl)) {
        return { ok: false, error: { code: 'forbidden', message: 'This page may not use Rapport’s journal.' } }
      }
      return dispatch(handlers, name, payload)
    })
  }
}

function isTrustedSender(event: IpcMainInvokeEvent, appUrl: string): boolean {
  const frame = event.senderFrame
  return frame !== null && frame.parent === null && isAppUrl(frame.url, appUrl)
}
