/**
 * Settings → Passphrase, the unlock screen and locking, through the whole app on a real core (with cheap
 * scrypt parameters; the app's own are in kdf.ts).
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanup, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../../src/core/api/handlers.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { SettingsFile } from '../../src/core/journal/settings-file.ts'
import { lockWhenIdle } from '../../src/renderer/src/lib/idle-lock.ts'
import { createLocalBridge } from '../support/local-bridge.ts'
import { CHEAP_KDF } from '../support/protected-journal.ts'
import { makeTempDir } from '../support/temp-journal.ts'
import { addPeople, menuEvents, person, renderApp } from './journal-fixtures.ts'

let close = async () => {}
afterEach(async () => {
  cleanup()
  await close()
})

async function journalWithKdf() {
  const dir = await makeTempDir('rapport-pass-ui-')
  const session = await JournalSession.open(dir, { owner: 'test', kdf: CHEAP_KDF })
  const bridge = createLocalBridge(createHandlers(session, { settings: await SettingsFile.open(dir) }))
  close = async () => {
    await session.close()
    await rm(dir, { recursive: true, force: true })
  }
  return { dir, bridge }
}

describe('protecting the journal with a passphrase', () => {
  it('sets it only once “no recovery” is ticked, locks from the menu, and unlocks with the right passphrase only', async () => {
    const { dir, bridge } = await journalWithKdf()
    await addPeople(bridge, [person('Ada Lovelace', 'Analytical Engines')])
    const user = userEvent.setup()
    const events = menuEvents()
    renderApp(bridge, '#/settings', events)

    const form = await screen.findByRole('form', { name: 'Protect with a passphrase' })
    await user.type(within(form).getByLabelText('Passphrase'), 'lunch at the harbour')
    await user.type(within(form).getByLabelText('The same again'), 'lunch at the harbour')
    const protect = within(form).getByRole('button', { name: 'Protect with a passphrase' })
    expect(protect).toBeDisabled()
    await user.click(within(form).getByRole('checkbox', { name: /there is no recovery without the passphrase/ }))
    await user.click(protect)

    expect(await screen.findByText('This journal is protected with a passphrase.')).toBeInTheDocument()
    expect((await readFile(join(dir, 'journal.json'))).subarray(0, 16).toString()).toBe('RAPPORT-SEALED-1')

    events.send('lock-journal')
    const unlock = await screen.findByRole('form', { name: 'Unlock the journal' })
    expect(screen.getByRole('heading', { level: 1, name: 'Your journal is locked' })).toBeInTheDocument()
    expect(screen.queryByText('Ada Lovelace')).not.toBeInTheDocument()
    await user.type(within(unlock).getByLabelText('Passphrase'), 'dinner at the harbour')
    await user.click(within(unlock).getByRole('button', { name: 'Unlock' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That passphrase does not unlock this journal. Nothing was changed.'
    )
    await user.type(within(unlock).getByLabelText('Passphrase'), 'lunch at the harbour')
    await user.click(within(unlock).getByRole('button', { name: 'Unlock' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument()
  })

  it('Lock now in Settings drops what Undo would bring back, as locking from the menu does', async () => {
    const { bridge } = await journalWithKdf()
    const [ada] = await addPeople(bridge, [person('Ada Lovelace', 'Analytical Engines')])
    await bridge.addInterest({ interest: { ownerId: ada!.id, label: 'Chess', category: 'hobby', note: '' } })
    await bridge.setPassphrase({ passphrase: 'lunch at the harbour', noRecovery: true })
    const user = userEvent.setup()
    renderApp(bridge, `#/person/${ada!.id}`)
    await user.click(await screen.findByRole('button', { name: 'Remove Chess' }))
    expect(await screen.findByRole('button', { name: 'Undo' })).toBeInTheDocument()

    location.hash = '#/settings'
    await user.click(await screen.findByRole('button', { name: 'Lock now' }))
    const unlock = await screen.findByRole('form', { name: 'Unlock the journal' })
    await user.type(within(unlock).getByLabelText('Passphrase'), 'lunch at the harbour')
    await user.click(within(unlock).getByRole('button', { name: 'Unlock' }))
    await screen.findByRole('heading', { level: 1, name: 'Settings' })
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument()
    await user.keyboard('{Control>}z{/Control}')
    const page = await bridge.getPersonPage({ id: ada!.id })
    expect(page.ok && page.value.interests.map((i) => i.label)).toEqual([])
  })

  it('refuses two passphrases that differ, and a short one, in words beside the form', async () => {
    const { bridge } = await journalWithKdf()
    const user = userEvent.setup()
    renderApp(bridge, '#/settings')
    const form = await screen.findByRole('form', { name: 'Protect with a passphrase' })
    await user.click(within(form).getByRole('checkbox'))
    await user.type(within(form).getByLabelText('Passphrase'), 'lunch at the harbour')
    await user.type(within(form).getByLabelText('The same again'), 'lunch at the harbor')
    await user.click(within(form).getByRole('button', { name: 'Protect with a passphrase' }))
    expect(within(form).getByRole('alert')).toHaveTextContent('The two passphrases differ.')
  })
})

describe('locking when idle', () => {
  it('locks after the minutes set without a key or a click, and every key or click starts them again', () => {
    vi.useFakeTimers()
    try {
      const target = new EventTarget() as unknown as Window
      const lock = vi.fn()
      const stop = lockWhenIdle(15, lock, target)
      vi.advanceTimersByTime(14 * 60_000)
      target.dispatchEvent(new Event('keydown'))
      vi.advanceTimersByTime(14 * 60_000)
      expect(lock).not.toHaveBeenCalled()
      vi.advanceTimersByTime(60_000)
      expect(lock).toHaveBeenCalledTimes(1)
      stop()
      vi.advanceTimersByTime(60 * 60_000)
      expect(lock).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })
})
