/**
 * The pre-call brief, in the order a seller needs it seconds before dialling: before you dial (boundaries,
 * relationship style, their time, dates coming up — never capped), talking points, commitments ranked by
 * what matters now, what changed since last time, then the person and the last conversations. Every line
 * comes from a plain rule over the journal; no network and no AI.
 */
import type { BeforeYouDial, Brief } from '../../shared/pre-call-brief.ts'
import { formatDayAs } from '../../shared/day-format.ts'
import type { DateFormat } from '../../shared/day-format.ts'
import { RELATIONSHIP_LABELS } from '../../shared/labels.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import type { Person } from '../../shared/schema/person.ts'
import type { Contact, PersonPage } from '../../shared/views.ts'
import { localDay } from '../days.ts'
import { words } from '../search/tokenize.ts'
import { rankCommitments } from './brief-commitments.ts'
import { oneLine } from './brief-line.ts'
import { talkingPoints } from './brief-points.ts'
import { briefDates } from './important-dates.ts'
import { localTimeIn } from './local-time.ts'
import { firstLine } from './note-text.ts'
import { personPage } from './person-page.ts'
import { companyMatcher, whatChanged } from './what-changed.ts'
import type { CompanyMatcher } from './what-changed.ts'

export interface BriefOptions {
  /** The user's date format from Settings: dates in the points read as the app shows them. */
  dateFormat?: DateFormat
}

export function buildBrief(journal: Journal, personId: string, now: Date, options: BriefOptions = {}): Brief {
  const page = personPage(journal, personId, now)
  const today = localDay(now)
  const dateFormat = options.dateFormat ?? 'system'
  const formatDay = (day: string) => formatDayAs(day, dateFormat)
  const open = page.followUps.filter((f) => f.completedOn === null)
  const commitments = rankCommitments(open, today, formatDay)
  const { points, heldBack } = talkingPoints({ page, commitments, today, formatDay })
  return {
    dateFormat,
    person: page.person,
    contact: page.contact,
    lastContactText: lastContactText(page.contact, formatDay),
    beforeYouDial: beforeYouDial(page, now, formatDay),
    talkingPoints: points,
    heldBack,
    commitments,
    openCommitments: open,
    whatChanged: whatChanged(page.conversations, {
      personNames: personNames(journal, page.person.lifeOutsideWork),
      companies: ofPeople(journal.people).companies,
      formatDay
    }),
    interests: page.interests,
    openChallenges: page.challenges.filter((c) => c.status === 'open'),
    recent: page.conversations
      .slice(0, 3)
      .map((c) => ({ id: c.id, title: c.title, date: c.date, channel: c.channel, firstLine: firstLine(c.body) }))
  }
}

function beforeYouDial(page: PersonPage, now: Date, formatDay: (day: string) => string): BeforeYouDial {
  const { person } = page
  const style = person.relationshipStyle
  const label = RELATIONSHIP_LABELS[style.kind]
  const quoted = style.theirWords ? `: “${oneLine(style.theirWords)}”` : ''
  const askedOnText = style.askedOn ? formatDay(style.askedOn) : ''
  const asked = askedOnText ? ` (asked ${askedOnText})` : ''
  return {
    boundaries: person.boundaries,
    style: {
      kind: style.kind,
      label,
      theirWords: style.theirWords,
      askedOn: style.askedOn,
      askedOnText,
      text: `${label}${quoted}${asked}`
    },
    localTime: localTimeIn(person.timeZone, now),
    dates: briefDates(person, localDay(now), formatDay)
  }
}

function lastContactText(contact: Contact, formatDay: (day: string) => string): string {
  if (contact.lastContact === null) return 'None yet, so this will be the first conversation'
  const days = contact.daysSince ?? 0
  const ago = days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`
  return `${ago} (${formatDay(contact.lastContact)})`
}

/**
 * Names of people, which the news rules must not take for a company or product: everyone in the journal, the
 * user, and the names in this person's "Life outside work" (their family, usually).
 */
function personNames(journal: Journal, lifeOutsideWork: string): Pick<ReadonlySet<string>, 'has'> {
  const family = lifeOutsideWork.match(/\p{Lu}\p{Ll}+/gu) ?? []
  const people = ofPeople(journal.people).names
  const others = new Set([journal.me.name, ...family].flatMap((name) => words(name)))
  return { has: (word) => people.has(word) || others.has(word) }
}

// The people list is replaced, never changed in place, on every change: a list's names and companies are
// worked out once, not for every brief (at 2,000 people they were a third of one).
const perList = new WeakMap<readonly Person[], { names: ReadonlySet<string>; companies: CompanyMatcher }>()

function ofPeople(people: readonly Person[]): { names: ReadonlySet<string>; companies: CompanyMatcher } {
  let found = perList.get(people)
  if (!found) {
    const names = new Set(people.flatMap((p) => words(p.name)))
    found = { names, companies: companyMatcher(people.map((p) => p.company)) }
    perList.set(people, found)
  }
  return found
}
