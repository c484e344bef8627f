/**
 * A follow-up typed as one phrase, its day inside it: "send deck fri", "call back in 3 days", "pricing by
 * dec 6". chrono-node (as on the command line) finds the day; the words around it are the follow-up.
 */
import * as chrono from 'chrono-node'
import { addDays, localDay } from './days.ts'

/** With no day in the phrase, it is due in a week: soon enough to be seen on Today's week ahead. */
export const DEFAULT_DUE_DAYS = 7

export interface DuePhrase {
  title: string
  dueDate: string
}

export function readDuePhrase(text: string, now: Date): DuePhrase {
  const [found] = chrono.parse(text, now, { forwardDate: true })
  if (!found) return { title: text.trim(), dueDate: addDays(localDay(now), DEFAULT_DUE_DAYS) }
  const before = text.slice(0, found.index)
  const after = text.slice(found.index + found.text.length)
  // "by", "on", "due" lead into the day and mean nothing without it.
  const title = `${before.replace(/\b(by|on|due|before|until)\s*$/i, '')} ${after}`.replace(/\s+/g, ' ').trim()
  const due = localDay(found.start.date())
  return { title: title || text.trim(), dueDate: due < localDay(now) ? localDay(now) : due }
}
