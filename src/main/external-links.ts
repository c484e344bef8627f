/**
 * Links the page asks to open (a link in a note) go to the user's browser — but only web links, and only
 * after the user has seen the whole address and said yes: otherwise a page could send anything it likes
 * out of the machine, past the request filter, just by asking.
 */
import { dialog, shell } from 'electron'
import type { BrowserWindow } from 'electron'
import { isSafeExternalUrl } from './window-options.ts'

export async function openLinkAfterAsking(window: BrowserWindow, url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false
  // The address as the browser will get it, in full: a look-alike host shows as punycode here.
  const href = new URL(url).href
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    title: 'Open link',
    message: 'Open this link in your browser?',
    detail: href,
    buttons: ['Cancel', 'Open Link'],
    defaultId: 0,
    cancelId: 0,
    noLink: true
  })
  if (response !== 1) return false
  await shell.openExternal(href)
  return true
}
