/**
 * A calendar day (YYYY-MM-DD) written the way the user chose in Settings. One function for the app and the
 * core, so the brief's talking points, `rapport brief` and the app's lists show a date the same way.
 */
import type { Settings } from './settings.ts'

export type DateFormat = Settings['dateFormat']

const systemFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric'
})

export function formatDayAs(day: string, format: DateFormat): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const pad = (n: number) => String(n).padStart(2, '0')
  switch (format) {
    case 'iso':
      return day
    case 'day-month-year':
      return `${pad(d)}/${pad(m)}/${y}`
    case 'month-day-year':
      return `${pad(m)}/${pad(d)}/${y}`
    default:
      return systemFormat.format(new Date(y, m - 1, d))
  }
}

const monthDayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long' })

/** A month and day without a year (MM-DD): "April 15", "15/04", "04/15", or "--04-15" for ISO. */
export function formatMonthDayAs(monthDay: string, format: DateFormat): string {
  const [m, d] = monthDay.split('-').map(Number) as [number, number]
  const pad = (n: number) => String(n).padStart(2, '0')
  switch (format) {
    case 'iso':
      return `--${monthDay}`
    case 'day-month-year':
      return `${pad(d)}/${pad(m)}`
    case 'month-day-year':
      return `${pad(m)}/${pad(d)}`
    default:
      return monthDayFormat.format(new Date(2024, m - 1, d))
  }
}

/** A moment's time of day on this computer's clock, as 09:30: meetings in the app, the CLI and reminders. */
export function clockTime(iso: string): string {
  const date = new Date(iso)
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`
}

/** "10:00–10:30" */
export function clockSpan(start: string, end: string): string {
  return `${clockTime(start)}–${clockTime(end)}`
}
