import { afterEach, describe, expect, it, vi } from 'vitest'
import { defaultSettings } from '../../src/shared/settings.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { openTempJournal } from '../support/temp-journal.ts'
import { electronMock, notifications } from './electron-mock.ts'

vi.mock('electron', () => electronMock)
const { Reminders } = await import('../../src/main/reminders.ts')

afterEach(() => {
  vi.useRealTimers()
  notifications.length = 0
})

describe('daily reminders on the desktop', () => {
  it('notifies once at the chosen time about due and overdue follow-ups, and a click opens Today', async () => {
    const journal = await openTempJournal()
    await seedJournal(journal.handlers, new Date())
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.setSystemTime(new Date(new Date().setHours(8, 0, 0, 0)))
    const openToday = vi.fn()
    const reminders = new Reminders(() => journal.session.store().journal, openToday)
    reminders.schedule({ ...defaultSettings(), reminders: { enabled: true, time: '08:30' } })
    vi.advanceTimersByTime(29 * 60_000)
    expect(notifications).toHaveLength(0)
    vi.advanceTimersByTime(60_000)
    expect(notifications).toHaveLength(1)
    expect(notifications[0]).toMatchObject({
      shown: true,
      options: { title: 'Rapport: follow-ups', body: '1 due today, 2 overdue. Open Today to see them.' }
    })
    notifications[0]!.click()
    expect(openToday).toHaveBeenCalledTimes(1)
    // The next one is a day later, not sooner.
    vi.advanceTimersByTime(23 * 3_600_000)
    expect(notifications).toHaveLength(1)
    reminders.stop()
    vi.useRealTimers()
    await journal.dispose()
  })

  it('stays quiet when reminders are off', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const reminders = new Reminders(() => null, vi.fn())
    reminders.schedule({ ...defaultSettings(), reminders: { enabled: false, time: '08:30' } })
    vi.advanceTimersByTime(48 * 3_600_000)
    expect(notifications).toHaveLength(0)
  })

  it('keeps the dock badge at the number of overdue follow-ups', async () => {
    const journal = await openTempJournal()
    await seedJournal(journal.handlers, new Date())
    new Reminders(() => journal.session.store().journal, vi.fn()).updateBadge()
    expect(electronMock.app.setBadgeCount).toHaveBeenLastCalledWith(2)
    await journal.dispose()
  })
})
