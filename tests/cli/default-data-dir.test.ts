/** The folder the CLI opens by default is the one Electron gives the app as userData. */
import { describe, expect, it } from 'vitest'
import { defaultDataDir } from '../../src/cli/default-data-dir.ts'

describe('the default journal folder', () => {
  it('is ~/.config/Rapport on Linux, or under XDG_CONFIG_HOME', () => {
    expect(defaultDataDir('linux', {}, '/home/sam')).toBe('/home/sam/.config/Rapport')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/home/sam/.cfg' }, '/home/sam')).toBe('/home/sam/.cfg/Rapport')
  })
  it('is ~/Library/Application Support/Rapport on macOS', () => {
    expect(defaultDataDir('darwin', { XDG_CONFIG_HOME: '/ignored' }, '/Users/sam')).toBe(
      '/Users/sam/Library/Application Support/Rapport'
    )
  })
  it('is %APPDATA%\\Rapport on Windows', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\sam\\AppData\\Roaming' }, 'C:\\Users\\sam')).toBe(
      'C:\\Users\\sam\\AppData\\Roaming\\Rapport'
    )
    expect(defaultDataDir('win32', {}, 'C:\\Users\\sam')).toBe('C:\\Users\\sam\\AppData\\Roaming\\Rapport')
  })
})
