import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import type { Command } from '../../src/shared/app-commands.ts'
import { electronMock, menus } from './electron-mock.ts'

vi.mock('electron', () => electronMock)
const { setupMenu } = await import('../../src/main/menu.ts')

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

describe('the application menu', () => {
  const sent: Command[] = []
  setupMenu(false, (command) => sent.push(command))
  const template = menus.at(-1) as MenuItemConstructorOptions[]
  const all = items(template)

  it('has File, Edit, View, Window and Help', () => {
    const tops = template.map((m) => m.label ?? m.role)
    expect(tops).toEqual(expect.arrayContaining(['&File', 'editMenu', '&View', 'windowMenu', 'help']))
  })

  it('gives every main action an accelerator, each one different, and sends its command', () => {
    const actions = all.filter((item) => item.click)
    expect(actions.map((a) => a.label)).toEqual(
      expect.arrayContaining([
        'New Person',
        'Log Conversation',
        'Import Contacts or Backup…',
        'Export to Markdown…',
        'Export This Person to Markdown…',
        'Export Calendar of Follow-ups (.ics)…',
        'Export Contacts (vCard)…',
        'Export This Person as vCard…',
        'Back Up Now',
        'Quick Switcher',
        'Quick Capture…',
        'Today',
        'People',
        'Keyboard Shortcuts'
      ])
    )
    for (const action of actions) expect(action.accelerator, action.label).toBeTruthy()
    const accelerators = actions.map((a) => a.accelerator)
    expect(new Set(accelerators).size).toBe(accelerators.length)
    for (const action of actions) (action.click as () => void)()
    expect(sent).toEqual(
      expect.arrayContaining([
        'new-person',
        'open-switcher',
        'quick-capture',
        'go-today',
        'export-markdown',
        'export-person',
        'export-ics',
        'export-vcard',
        'export-person-vcard',
        'import',
        'backup-now',
        'show-shortcuts',
        'go-settings'
      ])
    )
  })

  it('hides developer tools outside development', () => {
    expect(all.some((item) => item.role === 'toggleDevTools')).toBe(false)
  })

  it('puts the vCard exports in File, beside the other exports, each sending its own command', () => {
    const file = template.find((menu) => menu.label === '&File')!.submenu as MenuItemConstructorOptions[]
    const labels = file.map((item) => item.label ?? item.type ?? item.role)
    const at = labels.indexOf('Export Contacts (vCard)…')
    expect(labels.slice(at - 1, at + 2)).toEqual([
      'Export Calendar of Follow-ups (.ics)…',
      'Export Contacts (vCard)…',
      'Export This Person as vCard…'
    ])
    sent.length = 0
    ;(file[at]!.click as () => void)()
    ;(file[at + 1]!.click as () => void)()
    expect(sent).toEqual(['export-vcard', 'export-person-vcard'])
    expect([file[at]!.accelerator, file[at + 1]!.accelerator]).toEqual(['CmdOrCtrl+Alt+V', 'CmdOrCtrl+Alt+Shift+V'])
  })
})
