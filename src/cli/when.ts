/**
 * Days and moments typed on the command line — "fri", "tomorrow", "next tuesday", "in 3 days", "dec 6",
 * "2026-12-06" — read by chrono-node, in the user's local time. The whole text must be a date: "fri lunch"
 * is refused rather than half read.
 */
// English only, as every message here is: the package's main entry builds all 16 locales' parsers on
// import, two thirds of the command's start-up time.
import * as chrono from 'chrono-node/en'
import { isRealDay } from '../shared/schema/common.ts'
import { addDays, localDay } from '../core/days.ts'
import { UsageError } from './cli-error.ts'

const WEEKDAY_ONLY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/i

/** A due day: a weekday means the coming one (today, if it is that day). */
export function dueDay(text: string, now: Date, who: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return realDay(text.trim(), who)
  return localDay(parseWhole(text, now, true, who))
}

/** When something happened: a weekday means the last one (today, if it is that day); never a day to come. */
export function pastMoment(text: string, now: Date, who: string): Date {
  const trimmed = text.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    realDay(trimmed, who)
    const [y, m, d] = trimmed.split('-').map(Number) as [number, number, number]
    // A day without a time is noon, so it stays the same day in every time zone the journal is read in.
    return notFuture(new Date(y, m - 1, d, 12), now, text, who)
  }
  let moment = parseWhole(trimmed, now, false, who)
  if (WEEKDAY_ONLY.test(trimmed) && localDay(moment) > localDay(now))
    moment = new Date(`${addDays(localDay(moment), -7)}T12:00:00`)
  return notFuture(moment, now, text, who)
}

function parseWhole(text: string, now: Date, forwardDate: boolean, who: string): Date {
  const trimmed = text.trim()
  const [result] = chrono.parse(trimmed, now, { forwardDate })
  if (!result || result.index !== 0 || result.text.length !== trimmed.length) {
    throw new UsageError(
      `${who}: “${text}” is not a date Rapport understands; try “fri”, “tomorrow”, “in 3 days”, “dec 6” or 2026-12-06.`
    )
  }
  return result.start.date()
}

function realDay(day: string, who: string): string {
  if (!isRealDay(day)) throw new UsageError(`${who}: ${day} is not a day that exists.`)
  return day
}

function notFuture(moment: Date, now: Date, text: string, who: string): Date {
  if (localDay(moment) > localDay(now))
    throw new UsageError(`${who}: “${text}” has not come yet; a conversation is logged on or before today.`)
  return moment > now ? now : moment
}
