/**
 * ical.js expands a repeating event by walking it from its first occurrence. A weekly meeting that began
 * years ago would be walked through every week since, on every read: these two shortcuts spare that, each
 * only where it cannot change which occurrences there are.
 */
import type ICAL from 'ical.js'
import type { FeedEvent, SeriesEvent } from './ics-feed.ts'
import { instant } from './ics-zones.ts'

type Recur = InstanceType<typeof ICAL.Recur>
type Time = InstanceType<typeof ICAL.Time>

/** The longest a period of each frequency lasts (a day may be 25 hours, a month 31 days), in ms. */
const PERIOD_MS: Readonly<Record<string, number>> = {
  SECONDLY: 1_000,
  MINUTELY: 60_000,
  HOURLY: 3_600_000,
  DAILY: 25 * 3_600_000,
  WEEKLY: 7 * 25 * 3_600_000,
  MONTHLY: 31 * 25 * 3_600_000,
  YEARLY: 366 * 25 * 3_600_000
}
const DAY_MS = 86_400_000
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']

const rulesOf = (series: SeriesEvent): Recur[] =>
  series.component.getAllProperties('rrule').map((p) => p.getFirstValue() as Recur)

/**
 * Whether a series is certainly over before `limit`: its UNTIL is earlier, or its COUNT of plain periods (no
 * BY… rule that could skip one) runs out earlier.
 */
export function endsBefore(event: FeedEvent, series: SeriesEvent, limit: number): boolean {
  if (series.component.hasProperty('rdate')) return false
  return rulesOf(series).every((rule) => {
    if (rule.until) return instant(rule.until, event.zone) < limit
    const period = rule.freq ? PERIOD_MS[rule.freq] : undefined
    const plain = Object.keys(rule.parts).length === 0
    return (
      rule.count !== null && plain && period !== undefined && event.start + rule.count * rule.interval * period < limit
    )
  })
}

export interface Walk {
  /** Where to start: an occurrence of the series, not its first when it began long before the window. */
  start: Time
  /**
   * For a COUNT rule whose occurrences are exactly every `stepMs` of wall clock from `firstWall`: which
   * occurrence a wall-clock time is, so the walk can stop after the last one the count allows.
   */
  count: { of: number; firstWall: number; stepMs: number } | null
}

const wallOf = (time: Time) => Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second)

/**
 * Where to start walking a series to reach `limit`: for one daily or weekly rule whose first occurrence is
 * one of its own days, that occurrence moved on by whole weeks times its interval (the same weekday and
 * wall-clock time, on the rule's own step, so an occurrence too); otherwise its first occurrence. A COUNT
 * is kept by numbering occurrences, which only a rule of one occurrence a step (no BYDAY but its own day)
 * allows; other COUNT rules are walked from the start.
 */
export function walkFrom(series: SeriesEvent, limit: number): Walk | undefined {
  const rules = rulesOf(series)
  const rule = rules[0]
  const first = series.startDate
  if (rules.length !== 1 || !rule || series.component.hasProperty('rdate')) return undefined
  if (rule.freq !== 'DAILY' && rule.freq !== 'WEEKLY') return undefined
  const days = rule.parts.BYDAY
  const own = WEEKDAYS[first.dayOfWeek() - 1]!
  if (Object.keys(rule.parts).some((part) => part !== 'BYDAY') || days?.some((day) => !WEEKDAYS.includes(day)))
    return undefined
  if (days && !days.includes(own)) return undefined
  const everyStep = !days || (rule.freq === 'WEEKLY' && days.length === 1)
  if (rule.count !== null && !everyStep) return undefined
  const weeks = 7 * rule.interval
  const steps = Math.floor((limit - wallOf(first)) / (weeks * DAY_MS)) - 1
  if (steps <= 0) return undefined
  const start = first.clone()
  start.adjust(steps * weeks, 0, 0, 0)
  const stepMs = (rule.freq === 'WEEKLY' ? 7 : 1) * rule.interval * DAY_MS
  return { start, count: rule.count === null ? null : { of: rule.count, firstWall: wallOf(first), stepMs } }
}

/** Whether the walk has passed the last occurrence its COUNT allows. */
export function pastCount(walk: Walk | undefined, time: Time): boolean {
  const count = walk?.count
  return !!count && Math.round((wallOf(time) - count.firstWall) / count.stepMs) >= count.of
}
