import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TempJournal } from '../support/temp-journal.ts'
import { listedNames, renderApp } from './journal-fixtures.ts'
import {
  dayFromToday,
  fact,
  onPersonPage,
  openSeededJournal,
  readStored,
  readStoredText,
  region,
  shownDay
} from './seller-fixtures.ts'
import type { SeededJournal } from './seller-fixtures.ts'

let seeded: SeededJournal
let journal: TempJournal
let user: ReturnType<typeof userEvent.setup>

beforeEach(async () => {
  seeded = await openSeededJournal()
  journal = seeded.journal
  user = userEvent.setup()
})
afterEach(async () => {
  cleanup()
  await journal.dispose()
})

async function editProfileOf(name: string, id: string): Promise<HTMLElement> {
  renderApp(journal.bridge, `#/person/${id}`)
  await onPersonPage(name)
  await user.click(within(region('About')).getByRole('button', { name: 'Edit profile' }))
  return screen.getByRole('form', { name: `Edit ${name}` })
}

async function retype(input: HTMLElement, text: string): Promise<void> {
  await user.clear(input)
  if (text) await user.type(input, text)
}

/** The About notes and contact facts as label → text. */
function aboutFacts(): Record<string, string> {
  const about = region('About')
  return Object.fromEntries(
    [...about.querySelectorAll('dl > div')].map((row) => [
      row.querySelector('dt')?.textContent ?? '',
      row.querySelector('dd')?.textContent ?? ''
    ])
  )
}

describe('About and Edit profile', () => {
  it('shows the About notes, contact details and tags', async () => {
    renderApp(journal.bridge, `#/person/${seeded.anaId}`)
    await onPersonPage('Ana García')

    expect(aboutFacts()).toEqual({
      'What drives them': 'Wants the finance team to close the month in three days instead of ten.',
      'Life outside work':
        'Two kids (Lucía, 8, and Mateo, 5). Season ticket at the Bernabéu. Bakes sourdough on Sundays.',
      Boundaries: 'No calls before 9:30 — school run.',
      'How we met': 'Introduced by Kenji at the Logistics Summit 2025.',
      Email: 'ana.garcia@acme.example',
      Location: 'Madrid',
      'Time zone': 'Europe/Madrid'
    })
    expect(
      within(within(region('About')).getByRole('list', { name: 'Tags' }))
        .getAllByRole('listitem')
        .map((t) => t.textContent)
    ).toEqual(['champion', 'Q1 renewal'])
  })

  it('saves every field: text, comma-separated tags, relationship style with date and words, cadence', async () => {
    renderApp(journal.bridge, `#/person/${seeded.tomasId}`)
    await onPersonPage('Tomás Oliveira')
    expect(within(region('About')).getByText(/^Nothing yet\./)).toBeInTheDocument()
    await user.click(within(region('About')).getByRole('button', { name: 'Edit profile' }))
    const form = screen.getByRole('form', { name: 'Edit Tomás Oliveira' })
    const field = (label: string) => within(form).getByLabelText(label)

    await retype(field('Role'), 'CTO')
    await user.type(field('Email'), 'tomas@initech.example')
    await user.type(field('Phone'), '+351 912 345 678')
    await user.type(field('Location'), 'Lisbon')
    await user.type(field('Time zone'), 'Europe/Lisbon')
    await user.type(field('Keep in touch every (days)'), '21')
    await user.type(field('Tags (comma separated)'), 'security, budget owner , ,security,  renewals')
    await user.selectOptions(field('They want'), 'Prefers transactional')
    void fireEvent.input(field('Asked on'), { target: { value: dayFromToday(-3) } })
    await user.type(field('Their words'), 'Just the facts, in writing.')
    await user.type(field('What drives them'), 'Zero incidents this year.')
    await user.type(field('Life outside work'), 'Surfs at Ericeira.')
    await user.type(field('Boundaries'), 'Email only.')
    await user.type(field('How we met'), 'RFP in March.')
    await user.click(within(form).getByRole('button', { name: 'Save profile' }))

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit Tomás Oliveira' })).not.toBeInTheDocument())
    await waitFor(() => expect(screen.getByText('CTO · Initech')).toBeInTheDocument())
    expect(fact('Relationship style')).toHaveTextContent(`Prefers transactional · asked ${shownDay(dayFromToday(-3))}`)
    expect(within(fact('Relationship style')).getByText('Just the facts, in writing.')).toBeInTheDocument()
    expect(fact('Keep in touch')).toHaveTextContent(/^Every 21 days$/)
    expect(aboutFacts()).toEqual({
      'What drives them': 'Zero incidents this year.',
      'Life outside work': 'Surfs at Ericeira.',
      Boundaries: 'Email only.',
      'How we met': 'RFP in March.',
      Email: 'tomas@initech.example',
      Phone: '+351 912 345 678',
      Location: 'Lisbon',
      'Time zone': 'Europe/Lisbon'
    })
    expect(
      within(within(region('About')).getByRole('list', { name: 'Tags' }))
        .getAllByRole('listitem')
        .map((t) => t.textContent)
    ).toEqual(['security', 'budget owner', 'renewals'])

    const stored = (await readStored(journal.file)).people.find((p) => p.id === seeded.tomasId)!
    expect(stored).toMatchObject({
      name: 'Tomás Oliveira',
      company: 'Initech',
      role: 'CTO',
      email: 'tomas@initech.example',
      phone: '+351 912 345 678',
      location: 'Lisbon',
      timeZone: 'Europe/Lisbon',
      tags: ['security', 'budget owner', 'renewals'],
      relationshipStyle: {
        kind: 'transactional',
        askedOn: dayFromToday(-3),
        theirWords: 'Just the facts, in writing.'
      },
      cadenceDays: 21,
      drives: 'Zero incidents this year.',
      lifeOutsideWork: 'Surfs at Ericeira.',
      boundaries: 'Email only.',
      howWeMet: 'RFP in March.',
      archived: false
    })
  })

  it('opens with the saved values and clears the cadence and tags when emptied', async () => {
    const form = await editProfileOf('Ana García', seeded.anaId)
    const field = (label: string) => within(form).getByLabelText(label)
    expect(field('Keep in touch every (days)')).toHaveValue(14)
    expect(field('Tags (comma separated)')).toHaveValue('champion, Q1 renewal')
    expect(field('They want')).toHaveValue('relationship')
    expect(field('Asked on')).toHaveValue(dayFromToday(-60))
    expect(field('Their words')).toHaveValue('I like partners who tell me when something will not work.')
    expect(field('Time zone')).toHaveValue('Europe/Madrid')
    expect(within(form).getByRole('checkbox', { name: /Archived/ })).not.toBeChecked()

    await user.clear(field('Keep in touch every (days)'))
    await user.clear(field('Tags (comma separated)'))
    await user.selectOptions(field('They want'), 'Not asked yet')
    await user.click(within(form).getByRole('button', { name: 'Save profile' }))

    await waitFor(() => expect(fact('Keep in touch')).toHaveTextContent(/^No cadence$/))
    expect(fact('Relationship style')).toHaveTextContent(/^Not asked yet/)
    expect(within(region('About')).queryByRole('list', { name: 'Tags' })).not.toBeInTheDocument()
    const stored = (await readStored(journal.file)).people.find((p) => p.id === seeded.anaId)!
    expect(stored).toMatchObject({
      cadenceDays: null,
      tags: [],
      relationshipStyle: { kind: 'not-asked', askedOn: dayFromToday(-60) }
    })
  })

  it('archives a person: hidden from People unless “Show N archived” is checked, and out of Keep in touch', async () => {
    renderApp(journal.bridge, '#/today')
    expect(
      within(await screen.findByRole('region', { name: 'Keep in touch' })).getByText('Kenji Watanabe')
    ).toBeInTheDocument()
    location.hash = `#/person/${seeded.kenjiId}`
    await onPersonPage('Kenji Watanabe')
    await user.click(within(region('About')).getByRole('button', { name: 'Edit profile' }))
    const form = screen.getByRole('form', { name: 'Edit Kenji Watanabe' })
    await user.click(
      within(form).getByRole('checkbox', { name: 'Archived (hidden from People and never in Keep in touch)' })
    )
    await user.click(within(form).getByRole('button', { name: 'Save profile' }))

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Kenji WatanabeArchived'))
    expect((await readStored(journal.file)).people.find((p) => p.id === seeded.kenjiId)!.archived).toBe(true)

    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'People' }))
    await screen.findByRole('list', { name: 'People' })
    await waitFor(() => expect(listedNames()).toEqual(['Ana García', 'Priya Natarajan', 'Tomás Oliveira']))
    const show = screen.getByRole('checkbox', { name: 'Show 1 archived' })
    expect(show).not.toBeChecked()
    await user.click(show)
    expect(listedNames()).toEqual(['Ana García', 'Kenji Watanabe', 'Priya Natarajan', 'Tomás Oliveira'])
    expect(within(screen.getByRole('link', { name: /Kenji Watanabe/ })).getByText('Archived')).toBeInTheDocument()

    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Today' }))
    await screen.findByRole('region', { name: /^Overdue/ })
    expect(screen.queryByRole('region', { name: 'Keep in touch' })).not.toBeInTheDocument()
  })

  it('shows the core’s message for an invalid email inline and saves nothing', async () => {
    const before = await readStoredText(journal.file)
    const form = await editProfileOf('Ana García', seeded.anaId)

    await retype(within(form).getByLabelText('Email'), 'ana.garcia(at)acme')
    await retype(within(form).getByLabelText('Company'), 'Acme Group')
    await user.click(within(form).getByRole('button', { name: 'Save profile' }))

    expect(await within(form).findByRole('alert')).toHaveTextContent('That email address does not look right.')
    expect(screen.getByRole('form', { name: 'Edit Ana García' })).toBe(form)
    expect(within(form).getByLabelText('Company')).toHaveValue('Acme Group')
    expect(within(form).getByRole('button', { name: 'Save profile' })).toBeEnabled()
    expect(screen.getByText('CFO · Acme Logistics')).toBeInTheDocument()
    expect(await readStoredText(journal.file)).toBe(before)
  })

  it('marks the field the core’s message is about and shows the message beside it', async () => {
    const form = await editProfileOf('Ana García', seeded.anaId)

    await retype(within(form).getByLabelText('Email'), 'ana.garcia(at)acme')
    await user.click(within(form).getByRole('button', { name: 'Save profile' }))

    const alert = await within(form).findByRole('alert')
    const email = within(form).getByLabelText('Email')
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveAttribute('aria-describedby', alert.id)
    expect(within(form).getByLabelText('Time zone')).toHaveAttribute('aria-invalid', 'false')
    expect(email.closest('label')!.nextElementSibling).toBe(alert)
  })

  it('shows the core’s message for an unknown time zone inline and saves nothing', async () => {
    const before = await readStoredText(journal.file)
    const form = await editProfileOf('Ana García', seeded.anaId)

    await retype(within(form).getByLabelText('Time zone'), 'Mars/Olympus_Mons')
    await user.click(within(form).getByRole('button', { name: 'Save profile' }))

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Use a time zone like Europe/Madrid or America/New_York.'
    )
    expect(await readStoredText(journal.file)).toBe(before)

    // Fixing it saves.
    await retype(within(form).getByLabelText('Time zone'), 'America/New_York')
    await user.click(within(form).getByRole('button', { name: 'Save profile' }))
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit Ana García' })).not.toBeInTheDocument())
    expect((await readStored(journal.file)).people.find((p) => p.id === seeded.anaId)!.timeZone).toBe(
      'America/New_York'
    )
  })

  it('shows the core’s message for a cadence of 0 days and saves nothing', async () => {
    const before = await readStoredText(journal.file)
    const form = await editProfileOf('Ana García', seeded.anaId)

    await retype(within(form).getByLabelText('Keep in touch every (days)'), '0')
    await user.click(within(form).getByRole('button', { name: 'Save profile' }))

    expect(await within(form).findByRole('alert')).toHaveTextContent('Keep in touch at least every day.')
    expect(await readStoredText(journal.file)).toBe(before)
  })

  it('saves with Ctrl+Enter from any field', async () => {
    const form = await editProfileOf('Ana García', seeded.anaId)

    await user.type(within(form).getByLabelText('Boundaries'), ' Never on Fridays.{Control>}{Enter}{/Control}')

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit Ana García' })).not.toBeInTheDocument())
    await waitFor(() => expect(aboutFacts()['Boundaries']).toBe('No calls before 9:30 — school run. Never on Fridays.'))
    expect((await readStored(journal.file)).people.find((p) => p.id === seeded.anaId)!.boundaries).toBe(
      'No calls before 9:30 — school run. Never on Fridays.'
    )
  })

  it('cancels with Escape (and with Cancel), leaving the person as they were', async () => {
    const before = await readStoredText(journal.file)
    let form = await editProfileOf('Ana García', seeded.anaId)

    await user.type(within(form).getByLabelText('Life outside work'), ' Moving to Valencia.')
    await user.selectOptions(within(form).getByLabelText('They want'), 'Prefers transactional')
    within(form).getByLabelText('They want').focus()
    await user.keyboard('{Escape}')

    expect(screen.queryByRole('form', { name: 'Edit Ana García' })).not.toBeInTheDocument()
    expect(aboutFacts()['Life outside work']).not.toContain('Valencia')
    expect(fact('Relationship style')).toHaveTextContent(/^Wants a relationship/)

    await user.click(within(region('About')).getByRole('button', { name: 'Edit profile' }))
    form = screen.getByRole('form', { name: 'Edit Ana García' })
    // Reopened, the form starts again from what is saved.
    expect(within(form).getByLabelText('Life outside work')).not.toHaveValue(expect.stringContaining('Valencia'))
    await retype(within(form).getByLabelText('Name'), 'Someone Else')
    await user.click(within(form).getByRole('button', { name: 'Cancel' }))
    expect(screen.getByRole('heading', { level: 1, name: 'Ana García' })).toBeInTheDocument()
    expect(await readStoredText(journal.file)).toBe(before)
  })
})
