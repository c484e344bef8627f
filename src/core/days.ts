/** Calendar days in the user's local time: what "today", "due" and "N days ago" mean to a person. */

export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

const FIRST_DAY = { sunday: 0, monday: 1, saturday: 6 } as const

/** The first day of the week of `day`, the week starting on the user's chosen day (Monday by default). */
export function startOfWeek(day: string, firstDay: keyof typeof FIRST_DAY = 'monday'): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((weekday - FIRST_DAY[firstDay] + 7) % 7))
}
