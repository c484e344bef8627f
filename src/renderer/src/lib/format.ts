/** Dates and labels as the user reads them. */
export { CHANNEL_LABELS, RELATIONSHIP_LABELS } from '../../../shared/labels.ts'
import { formatDayAs, formatMonthDayAs } from '../../../shared/day-format.ts'
import { display } from './display.svelte.ts'

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' })

/** A YYYY-MM-DD day, read as a local calendar day, in the user's chosen format. */
export function formatDay(day: string): string {
  return formatDayAs(day, display.dateFormat)
}

/** An important date as stored: a day, or a month and day (--MM-DD) when the year is not known. */
export function formatDateOrMonthDay(date: string): string {
  return date.startsWith('--') ? formatMonthDayAs(date.slice(2), display.dateFormat) : formatDay(date)
}

export function formatMonth(iso: string): string {
  return monthFormat.format(new Date(iso))
}

export function localDayOf(iso: string): string {
  const date = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The day `days` after a YYYY-MM-DD day (before, when negative). */
export function dayPlus(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

export function todayLocal(): string {
  return localDayOf(new Date().toISOString())
}

/** "today", "yesterday", "12 days ago". */
export function daysAgo(days: number): string {
  if (days < 0) return days === -1 ? 'tomorrow' : `in ${-days} days`
  if (days === 0) return 'today'
  if (days === 1) return 'yesterday'
  return `${days} days ago`
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** A value for <input type="datetime-local"> from an ISO time, and back. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${localDayOf(iso)}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

export function fromLocalInput(value: string): string | null {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** An avatar's letter: the whole first grapheme, so "🦊 Bruno" shows the fox, never half of it. */
export function initialOf(name: string): string {
  const first = graphemes.segment(name.trim())[Symbol.iterator]().next()
  return first.done ? '?' : first.value.segment.toLocaleUpperCase()
}
