/** A follow-up on one line, the same in `rapport today`, `follow-up` and `done`. */
import type { FollowUp } from '../shared/schema/follow-up.ts'
import { oneLine } from './output.ts'

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** "I owe Ana García: Send the deck", "Ana García owes me: Share volumes". */
export function followUpText(f: Pick<FollowUp, 'direction' | 'title'>, personName: string): string {
  return `${f.direction === 'i-owe' ? `I owe ${personName}` : `${personName} owes me`}: ${oneLine(f.title)}`
}

/** "Fri 2026-11-27". */
export function dayText(day: string): string {
  return `${WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()]} ${day}`
}
