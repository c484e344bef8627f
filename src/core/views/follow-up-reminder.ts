/**
 * Daily reminders: when the next one is due, and what it says. The shell only schedules and shows it.
 */
import type { Journal } from '../../shared/schema/journal.ts'
import { localDay } from '../days.ts'

/** The next moment at `time` (HH:MM, local) strictly after `now`. */
export function nextReminderAt(now: Date, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number) as [number, number]
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes, 0, 0)
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1)
  return next
}

export interface ReminderSummary {
  overdue: number
  dueToday: number
}

export function dueSummary(journal: Journal, now: Date): ReminderSummary {
  const today = localDay(now)
  let overdue = 0
  let dueToday = 0
  for (const f of journal.followUps) {
    if (f.completedOn !== null) continue
    if (f.dueDate < today) overdue++
    else if (f.dueDate === today) dueToday++
  }
  return { overdue, dueToday }
}

/** The notification's text, or null when nothing is due (no notification then). */
export function reminderText({ overdue, dueToday }: ReminderSummary): { title: string; body: string } | null {
  if (overdue + dueToday === 0) return null
  const parts = [dueToday > 0 ? `${dueToday} due today` : '', overdue > 0 ? `${overdue} overdue` : ''].filter(Boolean)
  return { title: 'Rapport: follow-ups', body: `${parts.join(', ')}. Open Today to see them.` }
}
