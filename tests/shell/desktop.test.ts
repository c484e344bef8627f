import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultSettings } from '../../src/shared/settings.ts'
import type { Settings } from '../../src/shared/settings.ts'
import { electronMock, shortcuts, taken } from './electron-mock.ts'

vi.mock('electron', () => electronMock)
const { createDesktop } = await import('../../src/main/desktop.ts')

describe('the desktop shell port', () => {
  const pressed = vi.fn()
  const reminderSettings: Settings[] = []
  let appDir = ''
  const desktop = createDesktop({
    appDir: '',
    window: () => null,
    onShortcut: pressed,
    onReminderSettings: (s) => reminderSettings.push(s)
  })
  beforeEach(() => shortcuts.clear())

  it('registers the global shortcut only once the user enables it, and moves it when changed', () => {
    desktop.applySettings(defaultSettings())
    expect(shortcuts.size).toBe(0)
    desktop.applySettings({
      ...defaultSettings(),
      globalShortcut: { enabled: true, accelerator: 'CommandOrControl+Shift+Space' }
    })
    expect([...shortcuts.keys()]).toEqual(['CommandOrControl+Shift+Space'])
    desktop.applySettings({ ...defaultSettings(), globalShortcut: { enabled: true, accelerator: 'Alt+Space' } })
    expect([...shortcuts.keys()]).toEqual(['Alt+Space'])
    shortcuts.get('Alt+Space')!()
    expect(pressed).toHaveBeenCalledTimes(1)
    desktop.applySettings(defaultSettings())
    expect(shortcuts.size).toBe(0)
  })

  it('says so when another program holds the shortcut', () => {
    taken.add('Control+Space')
    expect(() =>
      desktop.applySettings({ ...defaultSettings(), globalShortcut: { enabled: true, accelerator: 'Control+Space' } })
    ).toThrow(/already used by another program/)
  })

  it('follows the theme setting and reschedules reminders', () => {
    desktop.applySettings({ ...defaultSettings(), theme: 'dark' })
    expect(electronMock.nativeTheme.themeSource).toBe('dark')
    expect(reminderSettings.at(-1)?.theme).toBe('dark')
  })

  it('remembers where the journal moved, for the next launch', async () => {
    const { makeTempDir } = await import('../support/temp-journal.ts')
    const { readLocation } = await import('../../src/main/journal-location.ts')
    appDir = await makeTempDir()
    const here = createDesktop({ appDir, window: () => null, onShortcut: pressed, onReminderSettings: () => undefined })
    await here.rememberDataDir('/home/ana/Sync/Rapport')
    expect(await readLocation(appDir)).toBe('/home/ana/Sync/Rapport')
  })

  it('returns the folder the user picked, or null when they cancel', async () => {
    expect(await desktop.pickFolder('Export')).toBe('/picked/folder')
    expect(await desktop.pickSaveFile('Save', 'backup.json', [])).toBeNull()
  })
})
