/**
 * Important dates: birthdays, family dates, work anniversaries, contract renewals — yearly or once, with an
 * optional reminder lead time. Today lists them as they come up; the brief says "Birthday in 3 days".
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call } from '../../src/core/api/handlers.ts'
import { briefText } from '../../src/cli/brief-text.ts'
import { occurrence } from '../../src/core/views/important-dates.ts'
import type { ImportantDate } from '../../src/shared/schema/important-date.ts'
import { makeTempDir, openTempJournal } from '../support/temp-journal.ts'
import { day, journalOnDay, NOW, personWith } from '../support/brief-fixtures.ts'

const { api } = journalOnDay()

const yearly = (label: string, date: string, remindDaysBefore: number | null = null): ImportantDate => ({
  label,
  date,
  repeats: 'yearly',
  remindDaysBefore
})

describe('important dates on a person', () => {
  it('saves them through the profile and refuses what is not a date', async () => {
    const id = await personWith(api(), { name: 'Hannah Weber' })
    const dates = [
      yearly('Birthday', '--12-05'),
      { ...yearly('Contract renewal', '2027-03-31', 30), repeats: 'once' as const }
    ]
    const saved = await api().updatePerson({ id, patch: { importantDates: dates } })
    expect(saved.importantDates).toEqual(dates)
    const refuse = (importantDates: unknown) => call(api(), 'updatePerson', { id, patch: { importantDates } })
    await expect(refuse([{ ...yearly('Renewal', '--03-31'), repeats: 'once' }])).rejects.toThrow(
      'A one-time date needs its year.'
    )
    await expect(refuse([yearly('Birthday', '--02-30')])).rejects.toThrow(/Dates are written YYYY-MM-DD/)
    await expect(refuse([yearly('Birthday', '1984-13-01')])).rejects.toThrow(/Dates are written YYYY-MM-DD/)
    await expect(refuse([yearly('', '1984-03-01')])).rejects.toThrow('Label is required.')
    await expect(refuse([yearly('Birthday', '1984-03-01', 91)])).rejects.toThrow('Remind at most 90 days before.')
    expect((await api().getPersonPage({ id })).person.importantDates).toEqual(dates)
  })

  it('falls on 28 February in a year without a 29th, and a one-time date only once', () => {
    expect(occurrence(yearly('Birthday', '--02-29'), '2027-02-01')).toBe('2027-02-28')
    expect(occurrence(yearly('Birthday', '1996-02-29'), '2028-02-01')).toBe('2028-02-29')
    expect(occurrence(yearly('Birthday', '1984-12-01'), '2026-12-02')).toBe('2027-12-01')
    expect(occurrence(yearly('Birthday', '1984-12-01'), '2026-12-02', 7)).toBe('2026-12-01')
    const renewal: ImportantDate = { ...yearly('Renewal', '2026-11-30'), repeats: 'once' }
    expect(occurrence(renewal, '2026-12-02')).toBeNull()
    // A yearly date starts the year it was set for: a renewal first due in 2027 does not fall in 2026.
    expect(occurrence(yearly('Renewal', '2027-12-10'), '2026-12-02')).toBe('2027-12-10')
  })
})

describe('dates coming up', () => {
  it('lists them on Today from their reminder’s lead time, a week by default, and never for archived people', async () => {
    const id = await personWith(api(), { name: 'Rafael Costa', company: 'Lusoport' })
    await api().updatePerson({
      id,
      patch: {
        importantDates: [
          yearly('Birthday', '1981-12-05'),
          { ...yearly('Contract renewal', day(20), 30), repeats: 'once' },
          yearly('Work anniversary', '2019-12-22'),
          yearly('Daughter’s birthday', '--12-02', 0)
        ]
      }
    })
    const gone = await personWith(api(), { name: 'Old Contact', archived: true })
    await api().updatePerson({ id: gone, patch: { importantDates: [yearly('Birthday', '--12-03')] } })

    const today = await api().getToday({})
    expect(today.dates.map((d) => [d.personName, d.text, d.on, d.years])).toEqual([
      ['Rafael Costa', 'Daughter’s birthday today', '2026-12-02', null],
      ['Rafael Costa', 'Birthday in 3 days', '2026-12-05', 45],
      ['Rafael Costa', 'Contract renewal in 20 days', day(20), null]
    ])
  })

  it('says “Birthday in 3 days” in the brief, with the day in the chosen format', async () => {
    const id = await personWith(api(), { name: 'Ingrid Berg' })
    await api().updatePerson({
      id,
      patch: { importantDates: [yearly('Birthday', '--12-05'), yearly('Renewal', '--03-01')] }
    })
    await api().updateSettings({ patch: { dateFormat: 'day-month-year' } })
    const brief = await api().getBrief({ id })
    expect(brief.beforeYouDial.dates.map((d) => [d.text, d.onText])).toEqual([['Birthday in 3 days', '05/12/2026']])
    expect(briefText(brief)).toContain('  Coming up: Birthday in 3 days (05/12/2026)')
  })

  it('mentions a birthday that has just passed', async () => {
    const id = await personWith(api(), { name: 'Kofi Mensah' })
    await api().updatePerson({ id, patch: { importantDates: [yearly('Birthday', '--11-30')] } })
    expect((await api().getBrief({ id })).beforeYouDial.dates.map((d) => d.text)).toEqual(['Birthday 2 days ago'])
  })
})

describe('journals from before important dates', () => {
  it('opens a version 2 journal, giving everyone an empty list', async () => {
    const dir = await makeTempDir()
    const stamp = '2026-05-04T09:00:00.000Z'
    const v2Person = {
      id: 'person-0001',
      name: 'Ana García',
      company: 'Acme Logistics',
      role: 'CFO',
      howWeMet: '',
      email: '',
      phone: '',
      location: '',
      timeZone: 'Europe/Madrid',
      tags: [],
      drives: '',
      lifeOutsideWork: '',
      boundaries: '',
      relationshipStyle: { kind: 'not-asked', askedOn: '', theirWords: '' },
      cadenceDays: null,
      archived: false,
      createdAt: stamp,
      updatedAt: stamp
    }
    const v2 = {
      schemaVersion: 2,
      me: { name: 'Sam' },
      people: [v2Person],
      conversations: [],
      interests: [],
      challenges: [],
      values: [],
      followUps: []
    }
    await writeFile(join(dir, 'journal.json'), JSON.stringify(v2))
    const old = await openTempJournal(dir, () => NOW)
    try {
      const [ana] = await old.handlers.listPeople({})
      expect(ana).toMatchObject({ name: 'Ana García', timeZone: 'Europe/Madrid', importantDates: [] })
      expect((await old.handlers.getBrief({ id: 'person-0001' })).beforeYouDial.dates).toEqual([])
    } finally {
      await old.dispose()
    }
  })
})
