import { cleanup, screen, waitFor, within } from '@testing-library/svelte'
import type userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TempJournal } from '../support/temp-journal.ts'
import {
  dayFromToday,
  findToast,
  openSeededJournal,
  readStored,
  readStoredText,
  region,
  shownDay,
  showPersonPage
} from './seller-fixtures.ts'
import type { SeededJournal } from './seller-fixtures.ts'

let seeded: SeededJournal
let journal: TempJournal
let user: ReturnType<typeof userEvent.setup>

beforeEach(async () => {
  seeded = await openSeededJournal()
  journal = seeded.journal
  user = await showPersonPage(journal.bridge, seeded.anaId, 'Ana García')
})
afterEach(async () => {
  cleanup()
  await journal.dispose()
})

const CLOSE = 'Month-end close takes ten days'
const BOARD = 'Board wants carrier cost per shipment'
const VALUE = 'Introduced her to Priya, who fixed the same problem at Globex'

/** The challenges on the page, top to bottom. */
function titles(): string[] {
  return [...region('Challenges').querySelectorAll('li.challenge > .row .title')].map((t) => t.textContent ?? '')
}
function challenge(title: string): HTMLElement {
  const item = [...region('Challenges').querySelectorAll<HTMLElement>('li.challenge')].find(
    (li) => li.querySelector('.row .title')?.textContent === title
  )
  if (!item) throw new Error(`no challenge “${title}” in ${titles().join(', ')}`)
  return item
}
const detailOf = (title: string) => challenge(title).querySelector('.row .detail')?.textContent?.trim()

describe('Challenges', () => {
  it('lists open ones first, with when they started, their status and the value brought under each', async () => {
    expect(titles()).toEqual([CLOSE, BOARD])
    expect(detailOf(CLOSE)).toBe(`since ${shownDay(dayFromToday(-45))}`)
    expect(
      within(challenge(CLOSE)).getByText('Three spreadsheets, manual reconciliation of carrier invoices.')
    ).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: `Status of ${CLOSE}` })).toHaveValue('open')
    expect(screen.getByRole('combobox', { name: `Status of ${BOARD}` })).toHaveValue('helped')
    const values = within(challenge(CLOSE)).getByRole('list', { name: `Value brought for ${CLOSE}` })
    expect(values).toHaveTextContent(`introduction ${VALUE} · ${shownDay(dayFromToday(-20))}`)
    expect(within(challenge(BOARD)).queryByRole('list', { name: `Value brought for ${BOARD}` })).not.toBeInTheDocument()
  })

  it('adds a challenge, open since today, asking first what they are trying to solve', async () => {
    const before = await readStoredText(journal.file)
    await user.click(within(region('Challenges')).getByRole('button', { name: 'Add challenge' }))
    const form = screen.getByRole('form', { name: 'New challenge' })
    await user.click(within(form).getByRole('button', { name: 'Add' }))
    expect(within(region('Challenges')).getByRole('alert')).toHaveTextContent('Say what they are trying to solve.')
    expect(await readStoredText(journal.file)).toBe(before)

    await user.type(within(form).getByLabelText('Challenge'), 'Forecasting takes a week every month')
    await user.type(within(form).getByLabelText('Detail'), 'Four regional spreadsheets.')
    await user.click(within(form).getByRole('button', { name: 'Add' }))

    await waitFor(() => expect(titles()).toContain('Forecasting takes a week every month'))
    expect(screen.queryByRole('form', { name: 'New challenge' })).not.toBeInTheDocument()
    expect(within(region('Challenges')).queryByRole('alert')).not.toBeInTheDocument()
    expect(detailOf('Forecasting takes a week every month')).toBe(`since ${shownDay(dayFromToday(0))}`)
    expect(titles()).toEqual(['Forecasting takes a week every month', CLOSE, BOARD])
    const added = (await readStored(journal.file)).challenges.find(
      (c) => c.title === 'Forecasting takes a week every month'
    )!
    expect(added).toMatchObject({
      personId: seeded.anaId,
      detail: 'Four regional spreadsheets.',
      status: 'open',
      openedOn: dayFromToday(0),
      closedOn: ''
    })
  })

  it('changes the status: leaving “open” stamps the day it closed, going back to open clears it', async () => {
    await user.selectOptions(screen.getByRole('combobox', { name: `Status of ${CLOSE}` }), 'solved')

    await waitFor(() =>
      expect(detailOf(CLOSE)).toBe(`since ${shownDay(dayFromToday(-45))} · solved ${shownDay(dayFromToday(0))}`)
    )
    // Solved ones go after the helped one.
    expect(titles()).toEqual([BOARD, CLOSE])
    let stored = (await readStored(journal.file)).challenges.find((c) => c.title === CLOSE)!
    expect(stored).toMatchObject({ status: 'solved', closedOn: dayFromToday(0) })

    await user.selectOptions(screen.getByRole('combobox', { name: `Status of ${CLOSE}` }), 'open')

    await waitFor(() => expect(detailOf(CLOSE)).toBe(`since ${shownDay(dayFromToday(-45))}`))
    expect(titles()).toEqual([CLOSE, BOARD])
    stored = (await readStored(journal.file)).challenges.find((c) => c.title === CLOSE)!
    expect(stored).toMatchObject({ status: 'open', closedOn: '' })
  })

  it('adds a value brought, linked to the challenge and shown under it', async () => {
    await user.click(screen.getByRole('button', { name: `Add value brought for “${BOARD}”` }))
    const form = screen.getByRole('form', { name: 'Value I brought' })
    await user.click(within(form).getByRole('button', { name: 'Add' }))
    expect(within(region('Challenges')).getByRole('alert')).toHaveTextContent('Say what you brought.')

    await user.selectOptions(within(form).getByLabelText('Kind'), 'article')
    await user.type(within(form).getByLabelText('What I brought'), 'Sent the benchmark on cost per shipment')
    await user.click(within(form).getByRole('button', { name: 'Add' }))

    const values = await within(region('Challenges')).findByRole('list', { name: `Value brought for ${BOARD}` })
    expect(values).toHaveTextContent(`article Sent the benchmark on cost per shipment · ${shownDay(dayFromToday(0))}`)
    expect(challenge(BOARD)).toContainElement(values)
    expect(screen.queryByRole('form', { name: 'Value I brought' })).not.toBeInTheDocument()
    const board = (await readStored(journal.file)).challenges.find((c) => c.title === BOARD)!
    const value = (await readStored(journal.file)).values.find(
      (v) => v.title === 'Sent the benchmark on cost per shipment'
    )!
    expect(value).toMatchObject({
      personId: seeded.anaId,
      challengeId: board.id,
      kind: 'article',
      date: dayFromToday(0)
    })
  })

  it('cancels adding a value with Escape', async () => {
    const before = await readStoredText(journal.file)
    await user.click(screen.getByRole('button', { name: `Add value brought for “${BOARD}”` }))
    await user.type(
      within(screen.getByRole('form', { name: 'Value I brought' })).getByLabelText('What I brought'),
      'Half a thought{Escape}'
    )

    expect(screen.queryByRole('form', { name: 'Value I brought' })).not.toBeInTheDocument()
    expect(await readStoredText(journal.file)).toBe(before)
  })

  // Regression: the "Value I brought" form (ChallengesSection.svelte) once had a formKeys onsave that did
  // nothing, so Ctrl+Enter did not add the value there, unlike every other form.
  it('adds a value with Ctrl+Enter like the other forms', async () => {
    await user.click(screen.getByRole('button', { name: `Add value brought for “${BOARD}”` }))
    await user.type(
      within(screen.getByRole('form', { name: 'Value I brought' })).getByLabelText('What I brought'),
      'Sent the benchmark{Control>}{Enter}{/Control}'
    )

    await within(region('Challenges')).findByRole('list', { name: `Value brought for ${BOARD}` })
  })

  it('deletes a challenge in one click; Undo brings it back with its value linked again, byte for byte', async () => {
    const before = await readStoredText(journal.file)
    const challengeId = (await readStored(journal.file)).challenges.find((c) => c.title === CLOSE)!.id

    await user.click(screen.getByRole('button', { name: `Delete “${CLOSE}”` }))

    const toast = await findToast(`“${CLOSE}” was deleted.`)
    await waitFor(() => expect(titles()).toEqual([BOARD]))
    // The value brought stays, now under "Other value I brought".
    expect(await screen.findByRole('list', { name: 'Other value I brought' })).toHaveTextContent(VALUE)
    const deleted = await readStored(journal.file)
    expect(deleted.challenges.map((c) => c.id)).not.toContain(challengeId)
    // The value entry stays in the journal, unlinked.
    expect(deleted.values.find((v) => v.title === VALUE)).toMatchObject({ challengeId: null })

    await user.click(within(toast).getByRole('button', { name: 'Undo' }))

    await findToast(`“${CLOSE}” is back.`)
    await waitFor(() => expect(titles()).toEqual([CLOSE, BOARD]))
    expect(within(challenge(CLOSE)).getByRole('list', { name: `Value brought for ${CLOSE}` })).toHaveTextContent(VALUE)
    expect(await readStoredText(journal.file)).toBe(before)
  })
})
