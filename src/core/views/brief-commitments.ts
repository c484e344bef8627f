/**
 * Open commitments ranked by what matters now: those due within a week or late by up to 60 days first, the
 * nearest to today leading (late before due on a tie); then the ones due later; items late by more than 60
 * days are folded into one line instead of leading. Both directions are flagged the same way.
 */
import type { BriefCommitments, RankedCommitment } from '../../shared/pre-call-brief.ts'
import type { FollowUp } from '../../shared/schema/follow-up.ts'
import { daysBetween } from '../days.ts'
import { briefLine, days } from './brief-line.ts'

export const SOON_DAYS = 7
export const OLD_LATE_DAYS = 60

/** "due today", "due tomorrow", "3 days late", "due Fri, Nov 27, 2026". */
export function commitmentStatus(dueDate: string, today: string, formatDay: (day: string) => string): string {
  const late = daysBetween(dueDate, today)
  if (late > 0) return `${days(late)} late`
  if (late === 0) return 'due today'
  return late === -1 ? 'due tomorrow' : `due ${formatDay(dueDate)}`
}

export function rankCommitments(
  open: readonly FollowUp[],
  today: string,
  formatDay: (day: string) => string
): BriefCommitments {
  const ranked = open.map((f): RankedCommitment => {
    const label = f.direction === 'i-owe' ? 'You owe them' : 'They owe you'
    const status = commitmentStatus(f.dueDate, today, formatDay)
    return {
      ...f,
      label,
      status,
      daysLate: daysBetween(f.dueDate, today),
      text: briefLine(label, f.title, status).text
    }
  })
  const now = ranked
    .filter((f) => f.daysLate <= OLD_LATE_DAYS && f.daysLate >= -SOON_DAYS)
    .sort((a, b) => Math.abs(a.daysLate) - Math.abs(b.daysLate) || b.daysLate - a.daysLate)
  const later = ranked.filter((f) => f.daysLate < -SOON_DAYS).sort((a, b) => b.daysLate - a.daysLate)
  const older = ranked.filter((f) => f.daysLate > OLD_LATE_DAYS).sort((a, b) => a.daysLate - b.daysLate)
  const olderText =
    older.length === 0
      ? ''
      : `${older.length} older open ${older.length === 1 ? 'item' : 'items'} (more than ${OLD_LATE_DAYS} days late)`
  return { now, later, older, olderText }
}
