import { describe, expect, it } from 'vitest'
import { isAppUrl, isSafeExternalUrl, mainWindowOptions } from '../../src/main/window-options.ts'
import { SECURE_WEB_PREFERENCES } from './secure-web-preferences.ts'

describe('the main window', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs', '/app/resources/icon.png').webPreferences!

  it('isolates the page from Node and Electron', () => {
    expect(prefs).toMatchObject(SECURE_WEB_PREFERENCES)
    expect(prefs.preload).toMatch(/\.cjs$/)
  })

  it('treats only the app’s own page as the app', () => {
    const built = 'file:///opt/Rapport/resources/app.asar/out/renderer/index.html'
    expect(isAppUrl(built, built)).toBe(true)
    expect(isAppUrl(`${built}#/people`, built)).toBe(true)
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false)
    expect(isAppUrl('https://example.com/', built)).toBe(false)
    expect(isAppUrl('http://localhost:5173/index.html', 'http://localhost:5173/')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false)
    expect(isAppUrl('not a url', built)).toBe(false)
  })

  it('opens only web, mail and phone links outside the app', () => {
    expect(isSafeExternalUrl('https://www.linkedin.com/in/ana')).toBe(true)
    expect(isSafeExternalUrl('mailto:ana@example.com')).toBe(true)
    expect(isSafeExternalUrl('tel:+34600123456')).toBe(true)
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-settings:',
      'https//broken',
      ''
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false)
    }
  })
})
