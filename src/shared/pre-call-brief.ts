/**
 * The pre-call brief as the core builds it and the app, `rapport brief` and `rapport brief --json` show it:
 * the same blocks, in the same order. Every line that carries the user's own words quotes them or puts them
 * after a label, never inside a sentence of ours, and keeps a `text` form for the command line.
 */
import type { DateFormat } from './day-format.ts'
import type { Channel } from './schema/conversation.ts'
import type { FollowUp } from './schema/follow-up.ts'
import type { Person, RelationshipStyleKind } from './schema/person.ts'
import type { ChallengeView, Contact, DateComingUp, InterestView } from './views.ts'

/** `label: “quote” · detail`: the user's words in `quote`, exactly as written; any part may be ''. */
export interface BriefLine {
  label: string
  quote: string
  detail: string
  /** The whole line as text, as `rapport brief` prints it. */
  text: string
}

/** Their time of day now, when their time zone is known. */
export interface LocalTime {
  zone: string
  /** 24-hour "14:05". */
  time: string
  /** "Mon". */
  weekday: string
  /** "1 hour ahead of you", "5½ hours behind you", "same time as you". */
  fromYou: string
  /** Before 8:00 or from 19:00 their time. */
  afterHours: boolean
  text: string
}

/** What to know before picking up the phone; nothing in it is ever capped or dropped. */
export interface BeforeYouDial {
  /** The boundaries as written, whole; '' when none are noted. */
  boundaries: string
  style: {
    kind: RelationshipStyleKind
    label: string
    theirWords: string
    askedOn: string
    /** The day asked, in the user's date format; '' when not noted. */
    askedOnText: string
    text: string
  }
  localTime: LocalTime | null
  /** Important dates from a week ago to a month ahead, nearest first. */
  dates: DateComingUp[]
}

export interface RankedCommitment extends FollowUp {
  /** "You owe them" or "They owe you": both directions are flagged the same way. */
  label: string
  /** "due today", "due tomorrow", "3 days late", "due Fri, Nov 27, 2026". */
  status: string
  /** Days past the due date; negative while it is still to come. */
  daysLate: number
  text: string
}

/** Open commitments both ways, by what matters now. */
export interface BriefCommitments {
  /** Due within a week, or late by at most 60 days: nearest to today first. */
  now: RankedCommitment[]
  /** Due later than a week from now, soonest first. */
  later: RankedCommitment[]
  /** Late by more than 60 days: folded into one line rather than leading. */
  older: RankedCommitment[]
  /** "3 older open items (more than 60 days late)", or '' when there are none. */
  olderText: string
}

export type TalkingPointKind =
  | 'style-transactional'
  | 'commitment-mine'
  | 'commitment-theirs'
  | 'interest-recent'
  | 'interest-common'
  | 'challenge-open'
  | 'style-unasked'
  | 'cadence-lapsed'

/** One suggestion for the call; its kind says which rule made it. */
export interface TalkingPoint extends BriefLine {
  kind: TalkingPointKind
}

/** An interest the brief does not suggest as an opener, and why. */
export interface HeldBack {
  label: string
  reason: string
}

/** A sentence from a recent note that carries news: a number, money, a date, a name or a decision. */
export interface ChangeQuote {
  quote: string
  /** Why it was picked: "a decision", "money", "a date", "a name", "a number". */
  reasons: string[]
  conversationId: string
  conversationTitle: string
  /** The conversation's day, YYYY-MM-DD. */
  day: string
  /** Where it came from: "Thu, Nov 19, 2026 · “Pricing call” · money, a date". */
  source: string
  text: string
}

export interface RecentConversation {
  id: string
  title: string
  date: string
  channel: Channel
  /** The first line of the note that says something (not "Short call, 20 minutes."). */
  firstLine: string
}

/** The pre-call brief: everything that matters on one screen. */
export interface Brief {
  /** The date format the texts use (the user's setting); `rapport brief` writes its other dates in it too. */
  dateFormat: DateFormat
  person: Person
  contact: Contact
  /** "yesterday (Sun, Nov 22, 2026)", or that there has been no conversation yet. */
  lastContactText: string
  beforeYouDial: BeforeYouDial
  talkingPoints: TalkingPoint[]
  heldBack: HeldBack[]
  commitments: BriefCommitments
  /** Open follow-ups both ways, soonest first (the list `commitments` ranks). */
  openCommitments: FollowUp[]
  /** From the latest one or two conversations. */
  whatChanged: ChangeQuote[]
  interests: InterestView[]
  openChallenges: ChallengeView[]
  /** The three newest conversations. */
  recent: RecentConversation[]
}
