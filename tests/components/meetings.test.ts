/**
 * Today's meetings in the app: the Meetings block above follow-ups, who each meeting is with (and the user's
 * corrections), Brief and Log it; the next meeting on the brief and the person page; Settings → Calendar
 * files. The journal's clock is fixed at Tuesday 11 March 2025, 9:50 local time.
 */
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanup, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { minutesFrom, OWNER, writeCalendar } from '../support/calendar-files.ts'
import { PickingShell } from '../support/picking-shell.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'
import { menuEvents, renderApp } from './journal-fixtures.ts'
import { readStored } from './seller-fixtures.ts'

const NOW = new Date(2025, 2, 11, 9, 50)
const FIXTURES = join(import.meta.dirname, '../fixtures/calendar')
const marta = { name: 'Marta Nowak', email: 'marta.nowak@hudsonfreight.example' }
const anna = { name: 'Anna Kowalczyk', email: 'anna.k@baltic-freight.example' }

let journal: TempJournal
let shell: PickingShell
let ids: { marta: string; anna: string }

beforeEach(async () => {
  shell = new PickingShell()
  journal = await openTempJournal(undefined, () => NOW, shell)
  ids = {
    marta: (await journal.handlers.createPerson({ person: marta })).id,
    anna: (await journal.handlers.createPerson({ person: anna })).id
  }
  await journal.handlers.addFollowUp({
    followUp: {
      personId: ids.marta,
      title: 'Send the rate card',
      dueDate: '2025-03-07',
      direction: 'i-owe',
      conversationId: null
    }
  })
  shell.files = [
    await writeCalendar(join(journal.dir, 'work.ics'), [
      {
        uid: 'pricing',
        title: 'Hudson Freight: pricing',
        start: minutesFrom(NOW, 10),
        attendees: [{ name: 'Sam', email: OWNER, organizer: true }, marta]
      },
      {
        uid: 'baltic',
        title: 'Baltic Freight review',
        start: minutesFrom(NOW, -20),
        minutes: 60,
        attendees: [
          { name: 'Kowalczyk, Anna', email: 'anna.kowalczyk@baltic-freight.example' },
          marta,
          { name: 'Piotr Zieliński' }
        ]
      }
    ])
  ]
  await journal.handlers.addCalendarFiles({})
})
afterEach(async () => {
  cleanup()
  await journal.dispose()
})

const meetingsList = () => screen.findByRole('list', { name: 'Meetings' })
const meeting = async (title: string) => within(await meetingsList()).findByRole('listitem', { name: title })
const attendees = (row: HTMLElement) =>
  within(within(row).getByRole('list', { name: /^With/ }))
    .getAllByRole('listitem')
    .map((chip) => chip.textContent.replace('⋯', '').replace(/\s+/g, ' ').trim())

describe('Today: meetings', () => {
  it('shows today’s meetings above the follow-ups, with who is in them, matched or not', async () => {
    renderApp(journal.bridge, '#/today')
    const list = await meetingsList()
    expect([...list.children].map((item) => item.getAttribute('aria-label'))).toEqual([
      'Baltic Freight review',
      'Hudson Freight: pricing'
    ])
    const heading = screen.getByRole('heading', { level: 2, name: 'Meetings' })
    const overdue = await screen.findByRole('region', { name: /^Overdue/ })
    expect(heading.compareDocumentPosition(overdue) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(attendees(await meeting('Hudson Freight: pricing'))).toEqual(['Marta Nowak by email'])
    expect(attendees(await meeting('Baltic Freight review'))).toEqual([
      'Anna Kowalczyk by name',
      'Marta Nowak by email',
      'Piotr Zieliński not in Rapport'
    ])
  })

  it('opens the brief: the one person’s, or everyone’s for a group meeting', async () => {
    const user = userEvent.setup()
    renderApp(journal.bridge, '#/today')
    const brief = within(await meeting('Hudson Freight: pricing')).getByRole('link', { name: 'Brief' })
    expect(brief).toHaveAttribute('href', `#/brief/${ids.marta}`)
    const group = within(await meeting('Baltic Freight review')).getByRole('link', { name: 'Brief' })
    expect(group).toHaveAttribute('href', `#/briefs/${ids.anna},${ids.marta}`)
    await user.click(group)
    expect(await screen.findByRole('heading', { level: 1, name: 'Anna Kowalczyk' })).toBeInTheDocument()
    await user.click(screen.getByRole('tab', { name: 'Marta Nowak' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Marta Nowak' })).toBeInTheDocument()
    expect(screen.getByLabelText('Next meeting')).toHaveTextContent('10:00–10:30 · Hudson Freight: pricing')
  })

  it('offers Log it once a meeting has started, filled in from the event, and shows it logged once saved', async () => {
    const user = userEvent.setup()
    renderApp(journal.bridge, '#/today')
    expect(within(await meeting('Hudson Freight: pricing')).queryByRole('button', { name: 'Log it' })).toBeNull()
    await user.click(within(await meeting('Baltic Freight review')).getByRole('button', { name: 'Log it' }))
    const form = await screen.findByRole('form', { name: 'Log conversation with Anna Kowalczyk' })
    expect(within(form).getByLabelText('Title')).toHaveValue('Baltic Freight review')
    expect(within(form).getByLabelText('Channel')).toHaveValue('meeting')
    expect(within(form).getByLabelText('When')).toHaveValue('2025-03-11T09:30')
    expect(within(within(form).getByRole('list', { name: 'Also with' })).getByRole('listitem')).toHaveTextContent(
      'Marta Nowak'
    )
    await user.click(within(form).getByRole('button', { name: 'Save conversation' }))

    await waitFor(() =>
      expect(
        within(screen.getByRole('listitem', { name: 'Baltic Freight review' })).getByText('Logged')
      ).toBeInTheDocument()
    )
    const stored = await readStored(journal.file)
    expect(stored.conversations).toMatchObject([
      {
        personIds: [ids.anna, ids.marta],
        channel: 'meeting',
        title: 'Baltic Freight review',
        date: minutesFrom(NOW, -20).toISOString(),
        meeting: 'baltic'
      }
    ])
  })

  it('takes corrections: this is not Anna, this is Marta, and adds someone new in one step', async () => {
    const user = userEvent.setup()
    renderApp(journal.bridge, '#/today')
    let row = await meeting('Baltic Freight review')
    await user.click(within(row).getByRole('button', { name: 'Who is Kowalczyk, Anna?' }))
    await user.click(screen.getByRole('button', { name: 'This is not Anna Kowalczyk' }))
    await waitFor(async () =>
      expect(attendees(await meeting('Baltic Freight review'))[0]).toBe('Kowalczyk, Anna not in Rapport')
    )

    row = await meeting('Baltic Freight review')
    await user.click(within(row).getByRole('button', { name: 'Who is Piotr Zieliński?' }))
    await user.click(screen.getByRole('button', { name: 'Add Piotr Zieliński as a person' }))
    await waitFor(async () =>
      expect(attendees(await meeting('Baltic Freight review'))[2]).toBe('Piotr Zieliński you said')
    )

    row = await meeting('Baltic Freight review')
    await user.click(within(row).getByRole('button', { name: 'Who is Kowalczyk, Anna?' }))
    const fix = screen.getByRole('group', { name: 'Who is Kowalczyk, Anna?' })
    await user.selectOptions(within(fix).getByRole('combobox', { name: 'This is' }), 'Marta Nowak')
    await waitFor(async () => expect(attendees(await meeting('Baltic Freight review'))[0]).toBe('Marta Nowak you said'))
    const people = (await readStored(journal.file)).people
    expect(people.find((p) => p.name === 'Piotr Zieliński')?.calendarMatches).toEqual([
      { attendee: 'name:piotr zielinski', is: true }
    ])
  })

  it('opens the brief a meeting reminder names, and reads the calendar again when main says it changed', async () => {
    const events = menuEvents()
    renderApp(journal.bridge, '#/today', events)
    await meetingsList()
    // Main read the file again after it changed on disk, and says so.
    await writeCalendar(shell.files![0]!, [
      { uid: 'late', title: 'Late addition', start: minutesFrom(NOW, 30), attendees: [anna] }
    ])
    await journal.handlers.reloadCalendars({})
    events.send('calendar-changed')
    expect(await meeting('Late addition')).toBeInTheDocument()

    events.send('open-brief', ids.marta)
    expect(await screen.findByRole('heading', { level: 1, name: 'Marta Nowak' })).toBeInTheDocument()
    expect(location.hash).toBe(`#/brief/${ids.marta}`)
  })
})

describe('the person page', () => {
  it('shows the next meeting with them that has not started yet', async () => {
    renderApp(journal.bridge, `#/person/${ids.marta}`)
    expect(await screen.findByLabelText('Next meeting')).toHaveTextContent(
      /^Next meeting .*2025, 10:00–10:30 · Hudson Freight: pricing$/
    )
  })
})

describe('Settings: calendar files', () => {
  it('adds files from the dialog, says which line of a broken one is wrong, and removes one', async () => {
    const user = userEvent.setup()
    renderApp(journal.bridge, '#/settings')
    const section = await screen.findByRole('region', { name: 'Calendar files' })
    expect(await within(section).findByText('work.ics')).toBeInTheDocument()
    expect(within(section).getByText('2 events · read at', { exact: false })).toBeInTheDocument()

    const broken = join(journal.dir, 'export.ics')
    await copyFile(join(FIXTURES, 'hand-edited.ics'), broken)
    shell.files = [broken]
    await user.click(within(section).getByRole('button', { name: 'Add calendar files…' }))
    expect(await within(section).findByRole('alert')).toHaveTextContent(
      `${broken}, line 10: “Remember to bring the two pricing options” is not a calendar line (NAME:value). The calendar was not added.`
    )

    await copyFile(join(FIXTURES, 'apple.ics'), broken)
    await user.click(within(section).getByRole('button', { name: 'Add calendar files…' }))
    expect(await within(section).findByText('export.ics')).toBeInTheDocument()
    await user.click(within(section).getByRole('button', { name: 'Remove work.ics' }))
    await waitFor(() => expect(within(section).queryByText('work.ics')).toBeNull())
    expect((await journal.handlers.getSettings({})).settings.calendar.files).toEqual([broken])
  })

  it('saves the user’s own addresses and turns the reminder on, off by default', async () => {
    const user = userEvent.setup()
    renderApp(journal.bridge, '#/settings')
    const form = await screen.findByRole('form', { name: 'Meetings' })
    const remind = within(form).getByRole('checkbox', { name: 'Remind me before meetings with people in Rapport' })
    expect(remind).not.toBeChecked()
    await user.type(
      within(form).getByLabelText('Your addresses in these calendars'),
      'Sam@Rivera.example, sam@northwind.example'
    )
    await user.click(remind)
    await user.clear(within(form).getByLabelText('Minutes before'))
    await user.type(within(form).getByLabelText('Minutes before'), '15')
    await user.click(within(form).getByRole('button', { name: 'Save' }))
    expect(await within(form).findByText('Meeting settings saved.')).toBeInTheDocument()
    expect((await journal.handlers.getSettings({})).settings.calendar).toMatchObject({
      myEmails: ['sam@rivera.example', 'sam@northwind.example'],
      notify: { enabled: true, minutes: 15 }
    })
  })
})
