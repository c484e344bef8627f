/**
 * Important dates on a person: a birthday, a child's birthday, a work anniversary, a contract renewal. Each has
 * the user's own label, a date, whether it comes back every year, and an optional reminder lead time.
 */
import * as v from 'valibot'
import { isRealDay, strict, text } from './common.ts'

export const DATE_REPEATS = ['yearly', 'once'] as const
export type DateRepeat = (typeof DATE_REPEATS)[number]

/** At most this many days ahead a date can be set to show on Today. */
export const MAX_REMIND_DAYS = 90

/** A yearly date without its year, the way vCard writes a birthday whose year is not known: --MM-DD. */
export const NO_YEAR = /^--(\d{2})-(\d{2})$/

/** "--02-29" is a real month and day (it falls on 28 February in other years); "--02-30" is not. */
export function isRealMonthDay(value: string): boolean {
  const match = NO_YEAR.exec(value)
  return match !== null && isRealDay(`2024-${match[1]}-${match[2]}`)
}

const DateValueSchema = v.pipe(
  v.string('Expected a date.'),
  v.check(
    (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDay(value)) || isRealMonthDay(value),
    'Dates are written YYYY-MM-DD (or --MM-DD when the year is not known).'
  )
)

export const ImportantDateSchema = v.pipe(
  strict({
    label: text('Label', 80, true),
    date: DateValueSchema,
    repeats: v.picklist(DATE_REPEATS, 'A date comes back every year, or happens once.'),
    remindDaysBefore: v.nullable(
      v.pipe(
        v.number('Remind takes a number of days.'),
        v.integer('Remind takes whole days.'),
        v.minValue(0, 'Remind takes 0 days or more.'),
        v.maxValue(MAX_REMIND_DAYS, `Remind at most ${MAX_REMIND_DAYS} days before.`)
      )
    )
  }),
  v.forward(
    v.check((entry) => entry.repeats === 'yearly' || !NO_YEAR.test(entry.date), 'A one-time date needs its year.'),
    ['date']
  )
)
export type ImportantDate = v.InferOutput<typeof ImportantDateSchema>

export const ImportantDatesSchema = v.pipe(
  v.array(ImportantDateSchema, 'Important dates must be a list.'),
  v.maxLength(30, 'At most 30 important dates per person.')
)
