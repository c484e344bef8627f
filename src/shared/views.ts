/** The shapes main derives from the journal for the renderer's views (results of the API's read calls). */
import type { Challenge, Value } from './schema/challenge.ts'
import type { Conversation } from './schema/conversation.ts'
import type { FollowUp } from './schema/follow-up.ts'
import type { Interest } from './schema/interest.ts'
import type { Person } from './schema/person.ts'

export interface Contact {
  /** The day (YYYY-MM-DD) of the newest conversation, or null if there has been none. */
  lastContact: string | null
  daysSince: number | null
}

export interface PromiseRecord {
  keptOnTime: number
  keptLate: number
  overdue: number
  open: number
}

export interface LapsedPerson {
  person: Person
  lastContact: string | null
  /** Days since the last conversation, or since they were added when there has been none. */
  daysSince: number
  cadenceDays: number
}

export interface DueFollowUp extends FollowUp {
  personName: string
  daysOverdue: number
}

export interface WeekConversation extends Conversation {
  personNames: string[]
}

/** One of a person's important dates, on the day it next falls (or just fell). */
export interface DateComingUp {
  label: string
  /** As stored: YYYY-MM-DD, or --MM-DD for a yearly date whose year is not known. */
  date: string
  /** The day it falls on this time, YYYY-MM-DD, and as the user's date format writes it. */
  on: string
  onText: string
  /** Days from today to `on`; negative when it has just passed. */
  inDays: number
  /** How many years it marks (a 40th birthday), when the year is known. */
  years: number | null
  /** "Birthday in 3 days", "Contract renewal today". */
  text: string
}

export interface UpcomingDate extends DateComingUp {
  personId: string
  personName: string
}

export interface Today {
  today: string
  overdue: DueFollowUp[]
  dueToday: DueFollowUp[]
  /** Open follow-ups due in the next seven days (after today), soonest first; daysOverdue is negative. */
  upcoming: DueFollowUp[]
  lapsed: LapsedPerson[]
  thisWeek: WeekConversation[]
  /** Important dates from their reminder's lead time (a week by default) to the day, soonest first. */
  dates: UpcomingDate[]
}

/** One row of the People list: what it sorts and filters by. */
export interface PersonRow {
  person: Person
  /** The day of the newest conversation, or null. */
  lastContact: string | null
  /** The soonest due day of an open follow-up, either way, or null. */
  nextDue: string | null
  /** Open follow-ups past their day, either way. */
  overdue: number
  /** Open follow-ups I owe them, and they owe me. */
  iOwe: number
  theyOwe: number
  /** The keep-in-touch cadence has run out. */
  lapsed: boolean
}

export interface InterestView extends Interest {
  /** The user has an interest with the same label. */
  inCommon: boolean
}

export interface ChallengeView extends Challenge {
  values: Value[]
}

export interface PersonPage {
  person: Person
  contact: Contact
  /** Days past the keep-in-touch cadence, 0 when within it or when there is none. */
  cadenceOverdueDays: number
  myPromises: PromiseRecord
  theirPromises: PromiseRecord
  /** Open follow-ups, soonest first, then the done ones, most recently done first. */
  followUps: FollowUp[]
  interests: InterestView[]
  challenges: ChallengeView[]
  /** Value brought that is not tied to a challenge, newest first. */
  otherValues: Value[]
  /** Newest first; `withNames` are the other people in each conversation. */
  conversations: Array<Conversation & { withNames: string[] }>
}
