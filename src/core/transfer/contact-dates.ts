/**
 * A contact's dates (vCard BDAY, ANNIVERSARY) as important dates: "1984-03-17", "19840317", "--0317",
 * "--03-17" and a date-time are read; a year Apple marks as omitted, or one before 1900, is left out (a
 * yearly date without its year). What cannot be read is named, so the import preview can say so.
 */
import { isRealDay } from '../../shared/schema/common.ts'
import type { ImportantDate } from '../../shared/schema/important-date.ts'
import { isRealMonthDay } from '../../shared/schema/important-date.ts'
import type { CandidateDate, ContactCandidate } from './contact-candidate.ts'

/** One card date as a stored date (YYYY-MM-DD or --MM-DD), or null when it is not one. */
export function readCardDate({ value, omitYear }: CandidateDate): string | null {
  const day = value.trim().split('T')[0] ?? ''
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(day)
  if (noYear) {
    const date = `--${noYear[1]}-${noYear[2]}`
    return isRealMonthDay(date) ? date : null
  }
  const full = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(day)
  if (!full) return null
  const [, year = '', month = '', date = ''] = full
  if (year === omitYear || Number(year) < 1900)
    return isRealMonthDay(`--${month}-${date}`) ? `--${month}-${date}` : null
  return isRealDay(`${year}-${month}-${date}`) ? `${year}-${month}-${date}` : null
}

export interface ContactDates {
  dates: ImportantDate[]
  /** "the birthday “circa 1960” (line 12)": dates the card has that could not be read. */
  unread: string[]
}

export function contactDates(candidate: ContactCandidate): ContactDates {
  const result: ContactDates = { dates: [], unread: [] }
  for (const raw of candidate.dates ?? []) {
    const date = readCardDate(raw)
    if (date === null) result.unread.push(`the ${raw.label.toLowerCase()} “${raw.value}” (line ${raw.line})`)
    else result.dates.push({ label: raw.label, date, repeats: 'yearly', remindDaysBefore: null })
  }
  return result
}
