import { chmod, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanup, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { backupsFolder } from '../../src/core/journal/backups.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { addPeople, person, readJournalFile, renderApp, unreadableJournalWith } from './journal-fixtures.ts'

let journal: TempJournal | undefined

afterEach(async () => {
  cleanup()
  await journal?.dispose()
  journal = undefined
})

describe('App with a readable journal', () => {
  it('says it is opening the journal, then shows Today', async () => {
    journal = await openTempJournal()

    renderApp(journal.bridge, '')

    // The app's live region (for toasts) is a status too: this one is the message's own.
    expect(screen.getByText('Opening your journal…')).toHaveAttribute('role', 'status')
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument()
    expect(screen.queryByText('Opening your journal…')).not.toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Rapport cannot read your journal' })).not.toBeInTheDocument()
  })

  it('shows the People view with the people in the journal from the sidebar', async () => {
    journal = await openTempJournal()
    await addPeople(journal.bridge, [person('Ada Lovelace', 'Analytical Engines', 'Mathematician')])
    const user = userEvent.setup()
    renderApp(journal.bridge, '')

    const nav = await screen.findByRole('navigation', { name: 'Main' })
    await user.click(within(nav).getByRole('link', { name: 'People' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'People' })).toBeInTheDocument()
    const list = await screen.findByRole('list', { name: 'People' })
    expect(within(list).getByText('Ada Lovelace')).toBeInTheDocument()
    expect(within(list).getByText('Mathematician · Analytical Engines')).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'People' })).toHaveAttribute('aria-current', 'page')
  })
})

describe('App with an unreadable journal', () => {
  it('shows the recovery screen with the problem, the file and every backup', async () => {
    const damaged = await unreadableJournalWith([person('Ada Lovelace')])
    journal = damaged.journal

    renderApp(journal.bridge)

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Rapport cannot read your journal' })
    ).toBeInTheDocument()
    expect(screen.getByText('The file stops in the middle of the journal: it looks truncated.')).toBeInTheDocument()
    expect(screen.getByText(journal.file)).toBeInTheDocument()
    const backups = screen.getByRole('list', { name: 'Backups' })
    const names = await readdir(backupsFolder(journal.file))
    expect(within(backups).getAllByRole('listitem')).toHaveLength(names.length)
    for (const name of names) {
      expect(within(backups).getByRole('button', { name: `Restore ${name}` })).toBeEnabled()
    }
    expect(screen.getByRole('button', { name: 'Restore the newest good backup' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled()
    expect(screen.queryByRole('list', { name: 'People' })).not.toBeInTheDocument()
  })

  it('restores the newest good backup, shows the people again and keeps the unreadable bytes', async () => {
    const damaged = await unreadableJournalWith([person('Ada Lovelace', 'Analytical Engines')])
    journal = damaged.journal
    const user = userEvent.setup()
    renderApp(journal.bridge)

    await user.click(await screen.findByRole('button', { name: 'Restore the newest good backup' }))

    const list = await screen.findByRole('list', { name: 'People' })
    expect(within(list).getByText('Ada Lovelace')).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Rapport cannot read your journal' })).not.toBeInTheDocument()
    expect((await readJournalFile(journal.file)).people.map((p) => p.name)).toEqual(['Ada Lovelace'])
    const kept = (await readdir(journal.dir)).filter((name) => /^journal\.unreadable-.+\.json$/.test(name))
    expect(kept).toHaveLength(1)
    expect(await readFile(join(journal.dir, kept[0]!), 'utf8')).toBe(damaged.unreadableBytes)
  })

  it('restores the backup the user picks from the list', async () => {
    const damaged = await unreadableJournalWith([person('Grace Hopper')])
    journal = damaged.journal
    const user = userEvent.setup()
    renderApp(journal.bridge)

    const picked = damaged.goodBackups[0]!
    await user.click(await screen.findByRole('button', { name: `Restore ${picked}` }))

    const list = await screen.findByRole('list', { name: 'People' })
    expect(within(list).getByText('Grace Hopper')).toBeInTheDocument()
  })

  it('marks an unreadable backup, disables it, and skips it for the newest good backup', async () => {
    const damaged = await unreadableJournalWith([person('Ada Lovelace')])
    journal = damaged.journal
    const bad = 'manual-2026-03-20T00-00-00-000Z.json'
    const badPath = join(backupsFolder(journal.file), bad)
    await writeFile(badPath, 'not json')
    const newest = new Date(Date.now() + 60_000)
    await utimes(badPath, newest, newest)
    const user = userEvent.setup()
    renderApp(journal.bridge)

    const badButton = await screen.findByRole('button', { name: `Restore ${bad}` })
    expect(badButton).toBeDisabled()
    expect(within(badButton.closest('li')!).getByText(/^Unreadable: The file is not valid JSON/)).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Restore the newest good backup' }))

    const list = await screen.findByRole('list', { name: 'People' })
    expect(within(list).getByText('Ada Lovelace')).toBeInTheDocument()
  })

  it('shows why a restore failed and stays on the recovery screen', async () => {
    const damaged = await unreadableJournalWith([person('Ada Lovelace')])
    journal = damaged.journal
    const user = userEvent.setup()
    renderApp(journal.bridge)
    const picked = damaged.goodBackups[0]!
    const button = await screen.findByRole('button', { name: `Restore ${picked}` })

    await rm(join(backupsFolder(journal.file), picked))
    await user.click(button)

    expect(await screen.findByRole('alert')).toHaveTextContent(`There is no backup called “${picked}”.`)
    expect(screen.getByRole('heading', { name: 'Rapport cannot read your journal' })).toBeInTheDocument()
    expect(await readFile(journal.file, 'utf8')).toBe(damaged.unreadableBytes)
  })

  it('opens the journal with Try again once the file is fixed by hand', async () => {
    const damaged = await unreadableJournalWith([person('Ada Lovelace')])
    journal = damaged.journal
    const user = userEvent.setup()
    renderApp(journal.bridge)
    const tryAgain = await screen.findByRole('button', { name: 'Try again' })

    await user.click(tryAgain)
    await waitFor(() => expect(tryAgain).toBeEnabled())
    expect(screen.getByRole('heading', { name: 'Rapport cannot read your journal' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()

    const fixed = await readFile(join(backupsFolder(journal.file), damaged.goodBackups[0]!), 'utf8')
    await writeFile(journal.file, fixed)
    await user.click(tryAgain)

    const list = await screen.findByRole('list', { name: 'People' })
    expect(within(list).getByText('Ada Lovelace')).toBeInTheDocument()
  })
})

describe('App with a journal it will not change', () => {
  it('opens a read-only journal (mode 0400) with a banner saying why, and saves nothing', async () => {
    const first = await openTempJournal()
    await addPeople(first.bridge, [person('Ada Lovelace', 'Analytical Engines')])
    await first.session.close()
    await chmod(first.file, 0o400)
    await chmod(`${first.file}.log`, 0o400)
    const before = await readFile(first.file)
    journal = await openTempJournal(first.dir)

    renderApp(journal.bridge, '#/people')

    const banner = await screen.findByRole('status', { name: 'This journal is read-only' })
    expect(banner).toHaveTextContent(
      'journal.json is read-only (mode 0400), so Rapport shows it without changing it. To edit it again, make it writable (chmod 600) and reopen it.'
    )
    const list = await screen.findByRole('list', { name: 'People' })
    expect(within(list).getByText('Ada Lovelace')).toBeInTheDocument()
    expect(await readFile(first.file)).toEqual(before)
  })

  it('says so in a banner when the journal could not be made private, and opens it as usual', async () => {
    journal = await openTempJournal()
    const status = await journal.bridge.journalStatus()
    if (!status.ok || status.value.state !== 'ready') throw new Error('expected a ready journal')
    const warning =
      'Rapport could not make journal.json private to you (permission denied): it has mode 0666, so other users of this computer may be able to read it.'
    const bridge = {
      ...journal.bridge,
      journalStatus: async () => ({ ok: true as const, value: { ...status.value, warning } })
    }

    renderApp(bridge, '#/people')

    expect(await screen.findByRole('status', { name: 'About this journal’s files' })).toHaveTextContent(warning)
    expect(await screen.findByRole('heading', { level: 1, name: 'People' })).toBeInTheDocument()
  })

  it('offers no restore over a folder where journal.json should be, only Try again', async () => {
    const dir = await makeTempDir('rapport-components-')
    await mkdir(join(dir, 'journal.json'))
    journal = await openTempJournal(dir)

    renderApp(journal.bridge)

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Rapport cannot open your journal' })
    ).toBeInTheDocument()
    expect(screen.getByText(/journal\.json is a folder, not a journal file/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Restore/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('list', { name: 'Backups' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled()
  })
})
