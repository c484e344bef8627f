/**
 * When a person's important dates next come round, and how that is said: "Birthday in 3 days". A yearly date
 * falls on the same month and day each year (29 February on the 28th in other years); a one-time date once.
 */
import type { ImportantDate } from '../../shared/schema/important-date.ts'
import { NO_YEAR } from '../../shared/schema/important-date.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import type { Person } from '../../shared/schema/person.ts'
import type { DateComingUp, UpcomingDate } from '../../shared/views.ts'
import { addDays, daysBetween } from '../days.ts'
import { byName } from '../entries/people.ts'

/** Without a reminder of its own, a date shows on Today from a week before (as follow-ups coming up do). */
export const DEFAULT_REMIND_DAYS = 7
/** How many days ahead the brief looks for dates (a renewal a month out is worth knowing on a call). */
export const BRIEF_DATE_DAYS = 30
/** And how many days back: a birthday missed last week still deserves a word. */
export const BRIEF_PAST_DAYS = 7

/** The month and day of a stored date, and its year when it has one. */
function partsOf(date: string): { year: number | null; monthDay: string } {
  const noYear = NO_YEAR.exec(date)
  if (noYear) return { year: null, monthDay: `${noYear[1]}-${noYear[2]}` }
  return { year: Number(date.slice(0, 4)), monthDay: date.slice(5) }
}

function inYear(year: number, monthDay: string): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return monthDay === '02-29' && !leap ? `${year}-02-28` : `${year}-${monthDay}`
}

/** The day the date falls on nearest to `today` within [today - behind, …): the coming one, or one just past. */
export function occurrence(entry: ImportantDate, today: string, behind = 0): string | null {
  const { year, monthDay } = partsOf(entry.date)
  const earliest = addDays(today, -behind)
  if (entry.repeats === 'once') return entry.date >= earliest ? entry.date : null
  const thisYear = Number(today.slice(0, 4))
  for (const y of [thisYear - 1, thisYear, thisYear + 1]) {
    const day = inYear(y, monthDay)
    if (day >= earliest && (year === null || y >= year)) return day
  }
  return null
}

/** "Birthday in 3 days", "Contract renewal today", "Birthday 2 days ago": the label as the user wrote it. */
export function dateText(label: string, inDays: number): string {
  if (inDays === 0) return `${label} today`
  if (inDays === 1) return `${label} tomorrow`
  if (inDays === -1) return `${label} yesterday`
  return inDays > 0 ? `${label} in ${inDays} days` : `${label} ${-inDays} days ago`
}

type FormatDay = (day: string) => string

function comingUp(entry: ImportantDate, on: string, today: string, formatDay: FormatDay): DateComingUp {
  const inDays = daysBetween(today, on)
  const { year } = partsOf(entry.date)
  const years =
    entry.repeats === 'yearly' && year !== null && Number(on.slice(0, 4)) > year ? Number(on.slice(0, 4)) - year : null
  return {
    label: entry.label,
    date: entry.date,
    on,
    onText: formatDay(on),
    inDays,
    years,
    text: dateText(entry.label, inDays)
  }
}

/** The dates the brief mentions: up to a month ahead (or further if a reminder asks), and the past week. */
export function briefDates(person: Person, today: string, formatDay: FormatDay): DateComingUp[] {
  return person.importantDates
    .flatMap((entry) => {
      const on = occurrence(entry, today, BRIEF_PAST_DAYS)
      const ahead = Math.max(BRIEF_DATE_DAYS, entry.remindDaysBefore ?? 0)
      return on !== null && daysBetween(today, on) <= ahead ? [comingUp(entry, on, today, formatDay)] : []
    })
    .sort((a, b) => Math.abs(a.inDays) - Math.abs(b.inDays) || b.inDays - a.inDays)
}

/**
 * Today's "Dates coming up": each date from its reminder's lead time (a week when none is set) until the day
 * itself; archived people are left out, as everywhere on Today.
 */
export function upcomingDates(journal: Journal, today: string, formatDay: FormatDay): UpcomingDate[] {
  const dates: UpcomingDate[] = []
  for (const person of [...journal.people].sort(byName)) {
    if (person.archived) continue
    for (const entry of person.importantDates) {
      const on = occurrence(entry, today)
      if (on === null || daysBetween(today, on) > (entry.remindDaysBefore ?? DEFAULT_REMIND_DAYS)) continue
      dates.push({ ...comingUp(entry, on, today, formatDay), personId: person.id, personName: person.name })
    }
  }
  return dates.sort((a, b) => a.inDays - b.inDays)
}
