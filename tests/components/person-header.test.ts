import { cleanup, screen, waitFor, within } from '@testing-library/svelte'
import { afterEach, describe, expect, it } from 'vitest'
import type { RapportBridge } from '../../src/shared/api.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { renderApp } from './journal-fixtures.ts'
import {
  dayFromToday,
  fact,
  journalClock,
  onPersonPage,
  openSeededJournal,
  readStored,
  region,
  rowTitles,
  shownDay,
  showPersonPage,
  timeFromToday
} from './seller-fixtures.ts'

let journal: TempJournal | undefined

afterEach(async () => {
  cleanup()
  await journal?.dispose()
  journal = undefined
})

describe('Person page header', () => {
  it('shows who they are, the relationship style they asked for with the day and their words, last contact and cadence', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    renderApp(journal.bridge, `#/person/${seeded.anaId}`)
    await onPersonPage('Ana García')

    expect(screen.getByText('CFO · Acme Logistics')).toBeInTheDocument()
    const style = fact('Relationship style')
    expect(style).toHaveTextContent(`Wants a relationship · asked ${shownDay(dayFromToday(-60))}`)
    expect(within(style).getByText('I like partners who tell me when something will not work.').tagName).toBe('Q')
    expect(fact('Last contact')).toHaveTextContent(`${shownDay(dayFromToday(-1))} (yesterday)`)
    const cadence = fact('Keep in touch')
    expect(cadence).toHaveTextContent(/^Every 14 days$/)
    expect(cadence).not.toHaveClass('danger-text')
  })

  it('shows a transactional person past their cadence as overdue by the right number of days', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    renderApp(journal.bridge, `#/person/${seeded.kenjiId}`)
    await onPersonPage('Kenji Watanabe')

    expect(fact('Relationship style')).toHaveTextContent(`Prefers transactional · asked ${shownDay(dayFromToday(-90))}`)
    expect(within(fact('Relationship style')).getByText('Send me the numbers, keep it short.')).toBeInTheDocument()
    expect(fact('Last contact')).toHaveTextContent(`${shownDay(dayFromToday(-75))} (75 days ago)`)
    const cadence = fact('Keep in touch')
    // 75 days since the last conversation, every 30 days: 45 days overdue.
    expect(cadence).toHaveTextContent(/^Every 30 days · 45 days overdue$/)
    expect(cadence).toHaveClass('danger-text')
  })

  it('says when nothing is known yet: not asked, no conversation, no cadence', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    renderApp(journal.bridge, `#/person/${seeded.tomasId}`)
    await onPersonPage('Tomás Oliveira')

    expect(fact('Relationship style')).toHaveTextContent(/^Not asked yet$/)
    expect(within(fact('Relationship style')).queryByText(/asked/, { selector: 'span' })).not.toBeInTheDocument()
    expect(fact('Relationship style').querySelector('q')).toBeNull()
    expect(fact('Last contact')).toHaveTextContent(/^No conversation yet$/)
    expect(fact('Keep in touch')).toHaveTextContent(/^No cadence$/)
    expect(screen.getByRole('button', { name: 'Log conversation' })).toHaveAttribute('aria-keyshortcuts', 'N')
  })

  it('derives last contact from the newest conversation: logging one today clears the overdue cadence', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    const user = await showPersonPage(journal.bridge, seeded.kenjiId, 'Kenji Watanabe')

    await user.click(screen.getByRole('button', { name: 'Log conversation' }))
    await user.keyboard('Quick check-in{Control>}{Enter}{/Control}')

    await waitFor(() => expect(fact('Last contact')).toHaveTextContent(`${shownDay(dayFromToday(0))} (today)`))
    expect(fact('Keep in touch')).toHaveTextContent(/^Every 30 days$/)
    expect(fact('Keep in touch')).not.toHaveClass('danger-text')
  })

  // Regression: PersonHeader.svelte's Keep in touch line once wrote `${n} days overdue` without plural(), so
  // one day past the cadence read “1 days overdue”.
  it('says “1 day overdue” one day past the cadence', async () => {
    const clock = journalClock()
    journal = await openTempJournal(undefined, clock.now)
    clock.travelTo(-40)
    const added = await journal.bridge.createPerson({ person: { name: 'Lena Fischer', cadenceDays: 30 } })
    clock.backToNow()
    if (!added.ok) throw new Error(added.error.message)
    await journal.bridge.logConversation({
      conversation: {
        personIds: [added.value.id],
        date: timeFromToday(-31),
        channel: 'call',
        title: 'Kick-off',
        body: ''
      },
      followUps: []
    })
    renderApp(journal.bridge, `#/person/${added.value.id}`)
    await onPersonPage('Lena Fischer')

    expect(fact('Keep in touch')).toHaveTextContent(/^Every 30 days · 1 day overdue$/)
  })
})

describe('Person page after a failed delete', () => {
  // Regression: PersonPage.svelte's remove() once set `deleting` before the delete and never reset it when
  // the delete failed, so the page stopped reloading: later changes were saved but the page showed old data.
  it('still shows later changes after a delete that failed to save', async () => {
    const seeded = await openSeededJournal()
    journal = seeded.journal
    // A disk that refuses the write: the core cannot be made to fail this way on a temp folder.
    const failingDelete: RapportBridge = {
      ...journal.bridge,
      deletePerson: async () => ({
        ok: false,
        error: { code: 'save-failed', message: 'Rapport could not save the journal. Nothing was changed.' }
      })
    }
    const user = await showPersonPage(failingDelete, seeded.anaId, 'Ana García')

    await user.click(screen.getByRole('button', { name: 'Delete Ana García' }))
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Rapport could not save the journal. Nothing was changed.'
    )
    expect(screen.getByRole('heading', { level: 1, name: 'Ana García' })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Mark “Send two pricing options” done' }))
    await waitFor(async () =>
      expect(
        (await readStored(journal!.file)).followUps.find((f) => f.title === 'Send two pricing options')!.completedOn
      ).toBe(dayFromToday(0))
    )
    await waitFor(
      () =>
        expect(rowTitles(within(region('Commitments')).getByRole('list', { name: 'Open commitments' }))).toEqual([
          'Share carrier volumes for 2026'
        ]),
      { timeout: 2000 }
    )
  })
})
