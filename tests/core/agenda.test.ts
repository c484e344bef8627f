import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../../src/core/api/handlers.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import type { TempJournal } from '../support/temp-journal.ts'

// Monday 23 November 2026, mid-morning local time.
let clock = new Date(2026, 10, 23, 10, 0)
let journal: TempJournal
let api: Handlers

beforeEach(async () => {
  clock = new Date(2026, 10, 23, 10, 0)
  journal = await openTempJournal(undefined, () => clock)
  api = journal.handlers
})
afterEach(() => journal.dispose())

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).toISOString()
const person = (name: string, extra = {}) => api.createPerson({ person: { name, ...extra } })
const call = (personIds: string[], date: string, title = 'Call') =>
  api.logConversation({ conversation: { personIds, date, channel: 'call', title, body: '' }, followUps: [] })
const owe = (personId: string, dueDate: string, direction: 'i-owe' | 'they-owe' = 'i-owe', title = 'Send the deck') =>
  api.addFollowUp({ followUp: { personId, title, dueDate, direction, conversationId: null } })

describe('last contact', () => {
  it('is the day of the newest conversation, whatever order they were logged in', async () => {
    const ana = await person('Ana')
    await call([ana.id], at(2026, 11, 20))
    await call([ana.id], at(2026, 10, 1))
    const page = await api.getPersonPage({ id: ana.id })
    expect(page.contact).toEqual({ lastContact: '2026-11-20', daysSince: 3 })
  })

  it('is empty for someone never spoken to', async () => {
    const ana = await person('Ana')
    expect((await api.getPersonPage({ id: ana.id })).contact).toEqual({ lastContact: null, daysSince: null })
  })

  it('counts a meeting with several people for each of them', async () => {
    const [ana, bo] = [await person('Ana'), await person('Bo')]
    await call([ana.id, bo.id], at(2026, 11, 22), 'Quarterly review')
    expect((await api.getPersonPage({ id: bo.id })).contact.lastContact).toBe('2026-11-22')
    expect((await api.getPersonPage({ id: ana.id })).conversations[0]?.withNames).toEqual(['Bo'])
  })
})

describe('keep-in-touch cadence', () => {
  it('lapses the day after the cadence runs out, not on it', async () => {
    const ana = await person('Ana', { cadenceDays: 14 })
    await call([ana.id], at(2026, 11, 9))
    expect((await api.getToday({})).lapsed).toEqual([])
    clock = new Date(2026, 10, 24, 9)
    const { lapsed } = await api.getToday({})
    expect(lapsed.map((l) => [l.person.name, l.daysSince, l.lastContact])).toEqual([['Ana', 15, '2026-11-09']])
    expect((await api.getPersonPage({ id: ana.id })).cadenceOverdueDays).toBe(1)
  })

  it('counts from the day they were added when there was never a conversation', async () => {
    clock = new Date(2026, 10, 1, 9)
    await person('Ana', { cadenceDays: 7 })
    clock = new Date(2026, 10, 23, 9)
    expect((await api.getToday({})).lapsed.map((l) => [l.daysSince, l.lastContact])).toEqual([[22, null]])
  })

  it('never nags about archived people or people without a cadence', async () => {
    await person('Archived', { cadenceDays: 1, archived: true })
    await person('No cadence')
    clock = new Date(2027, 0, 1)
    expect((await api.getToday({})).lapsed).toEqual([])
  })

  it('lists the most overdue first', async () => {
    const ana = await person('Ana', { cadenceDays: 10 })
    const bo = await person('Bo', { cadenceDays: 7 })
    await call([ana.id], at(2026, 11, 1))
    await call([bo.id], at(2026, 10, 1))
    expect((await api.getToday({})).lapsed.map((l) => l.person.name)).toEqual(['Bo', 'Ana'])
  })
})

describe('the promise record', () => {
  it('counts my commitments kept on time, kept late, overdue and open, and theirs apart', async () => {
    const ana = await person('Ana')
    const onTime = await owe(ana.id, '2026-11-20')
    const late = await owe(ana.id, '2026-11-10')
    await owe(ana.id, '2026-11-22')
    await owe(ana.id, '2026-11-30')
    await owe(ana.id, '2026-11-01', 'they-owe', 'Send the contract')
    await api.completeFollowUp({ id: onTime.id, on: '2026-11-20' })
    await api.completeFollowUp({ id: late.id, on: '2026-11-12' })
    const page = await api.getPersonPage({ id: ana.id })
    expect(page.myPromises).toEqual({ keptOnTime: 1, keptLate: 1, overdue: 1, open: 1 })
    expect(page.theirPromises).toEqual({ keptOnTime: 0, keptLate: 0, overdue: 1, open: 0 })
  })

  it('moves back to open when a follow-up is reopened, and refuses a completion in the future', async () => {
    const ana = await person('Ana')
    const f = await owe(ana.id, '2026-11-30')
    await api.completeFollowUp({ id: f.id })
    expect((await api.getPersonPage({ id: ana.id })).myPromises.keptOnTime).toBe(1)
    await api.reopenFollowUp({ id: f.id })
    expect((await api.getPersonPage({ id: ana.id })).myPromises).toEqual({
      keptOnTime: 0,
      keptLate: 0,
      overdue: 0,
      open: 1
    })
    await expect(api.completeFollowUp({ id: f.id, on: '2026-12-01' })).rejects.toThrow(/not come yet/)
  })
})

describe('the Today view', () => {
  it('shows overdue and due-today follow-ups across everyone, oldest first, and not the done or future ones', async () => {
    const [ana, bo] = [await person('Ana'), await person('Bo')]
    await owe(ana.id, '2026-11-23', 'i-owe', 'Due today')
    await owe(bo.id, '2026-11-02', 'they-owe', 'Very late')
    await owe(ana.id, '2026-11-20', 'i-owe', 'Late')
    await owe(ana.id, '2026-11-24', 'i-owe', 'Tomorrow')
    const done = await owe(bo.id, '2026-11-01', 'i-owe', 'Done')
    await api.completeFollowUp({ id: done.id })
    const today = await api.getToday({})
    expect(today.today).toBe('2026-11-23')
    expect(today.overdue.map((f) => [f.title, f.personName, f.daysOverdue])).toEqual([
      ['Very late', 'Bo', 21],
      ['Late', 'Ana', 3]
    ])
    expect(today.dueToday.map((f) => f.title)).toEqual(['Due today'])
  })

  it('lists conversations logged this week (since Monday), newest first', async () => {
    clock = new Date(2026, 10, 26, 10) // Thursday
    const ana = await person('Ana')
    await call([ana.id], at(2026, 11, 22), 'Last Sunday')
    await call([ana.id], at(2026, 11, 23, 9), 'Monday')
    await call([ana.id], at(2026, 11, 25), 'Wednesday')
    expect((await api.getToday({})).thisWeek.map((c) => [c.title, c.personNames])).toEqual([
      ['Wednesday', ['Ana']],
      ['Monday', ['Ana']]
    ])
  })
})

describe('the week', () => {
  it('starts on the day the user chose', async () => {
    clock = new Date(2026, 10, 26, 10) // Thursday 26 November
    const ana = await person('Ana')
    await call([ana.id], at(2026, 11, 21), 'Saturday')
    await call([ana.id], at(2026, 11, 22), 'Sunday')
    await call([ana.id], at(2026, 11, 23), 'Monday')
    const week = async () => (await api.getToday({})).thisWeek.map((c) => c.title)
    expect(await week()).toEqual(['Monday'])
    await api.updateSettings({ patch: { firstDayOfWeek: 'sunday' } })
    expect(await week()).toEqual(['Monday', 'Sunday'])
    await api.updateSettings({ patch: { firstDayOfWeek: 'saturday' } })
    expect(await week()).toEqual(['Monday', 'Sunday', 'Saturday'])
  })
})
