import { describe, expect, it } from 'vitest'
import { dueSummary, nextReminderAt, reminderText } from '../../src/core/views/follow-up-reminder.ts'
import { seedJournal } from '../support/seed-journal.ts'
import { openTempJournal } from '../support/temp-journal.ts'

describe('daily reminders', () => {
  it('fires at the chosen time today if it is still ahead, otherwise tomorrow', () => {
    expect(nextReminderAt(new Date(2026, 10, 23, 7, 0), '08:30')).toEqual(new Date(2026, 10, 23, 8, 30))
    expect(nextReminderAt(new Date(2026, 10, 23, 8, 30), '08:30')).toEqual(new Date(2026, 10, 24, 8, 30))
    expect(nextReminderAt(new Date(2026, 11, 31, 23, 0), '08:30')).toEqual(new Date(2027, 0, 1, 8, 30))
  })

  it('counts due and overdue follow-ups and says so, or stays quiet', async () => {
    const now = new Date(2026, 10, 23, 10)
    const journal = await openTempJournal(undefined, () => now)
    expect(reminderText(dueSummary(journal.session.store().journal, now))).toBeNull()
    await seedJournal(journal.handlers, now)
    const summary = dueSummary(journal.session.store().journal, now)
    expect(summary).toEqual({ overdue: 2, dueToday: 1 })
    expect(reminderText(summary)).toEqual({
      title: 'Rapport: follow-ups',
      body: '1 due today, 2 overdue. Open Today to see them.'
    })
    await journal.dispose()
  })
})
