/**
 * The pre-call brief and its talking points. Every point comes from a plain rule over the journal, in
 * order of what matters most just before a call: promises first, then the person, then the relationship.
 * No network and no AI: the seller can always see why a point is there.
 */
import type { Journal } from '../../shared/schema/journal.ts'
import type { Brief, PersonPage, TalkingPoint } from '../../shared/views.ts'
import { daysBetween, localDay } from '../days.ts'
import { personPage } from './person-page.ts'
import { words } from '../search/tokenize.ts'

const MAX_POINTS = 7
const SOON_DAYS = 7
const RECENT_DAYS = 60

export function buildBrief(journal: Journal, personId: string, now: Date): Brief {
  const page = personPage(journal, personId, now)
  const today = localDay(now)
  const open = page.followUps.filter((f) => f.completedOn === null)
  return {
    person: page.person,
    contact: page.contact,
    interests: page.interests,
    openChallenges: page.challenges.filter((c) => c.status === 'open'),
    openCommitments: open,
    recent: page.conversations
      .slice(0, 3)
      .map((c) => ({ id: c.id, title: c.title, date: c.date, channel: c.channel, firstLine: firstLine(c.body) })),
    talkingPoints: talkingPoints(page, today).slice(0, MAX_POINTS)
  }
}

export function talkingPoints(page: PersonPage, today: string): TalkingPoint[] {
  const points: TalkingPoint[] = []
  const open = page.followUps.filter((f) => f.completedOn === null)
  for (const f of open.filter((f) => f.direction === 'i-owe' && daysBetween(today, f.dueDate) <= SOON_DAYS)) {
    const late = daysBetween(f.dueDate, today)
    const when =
      late > 0 ? `${late} ${late === 1 ? 'day' : 'days'} overdue` : late === 0 ? 'due today' : `due ${f.dueDate}`
    points.push({ kind: 'commitment-mine', text: `You promised “${f.title}” (${when}): deliver it or say when.` })
  }
  for (const f of open.filter((f) => f.direction === 'they-owe')) {
    points.push({
      kind: 'commitment-theirs',
      text: `They said they would ${lowerFirst(f.title)} (due ${f.dueDate}): ask how it is going.`
    })
  }
  // An interest that came up in a recent conversation is the warmest way to open.
  const recent = page.conversations.filter((c) => daysBetween(localDay(new Date(c.date)), today) <= RECENT_DAYS)
  for (const interest of page.interests) {
    const label = words(interest.label)
    const mention = recent.find((c) => containsWords(`${c.title} ${c.body}`, label))
    if (mention)
      points.push({
        kind: 'interest-recent',
        text: `Ask about ${interest.label}: it came up on ${localDay(new Date(mention.date))} (“${mention.title}”).`
      })
  }
  const common = page.interests.filter((i) => i.inCommon).map((i) => i.label)
  if (common.length > 0) points.push({ kind: 'interest-common', text: `You both care about ${listOf(common)}.` })
  for (const c of page.challenges.filter((c) => c.status === 'open')) {
    const last = c.values[0]
    const help = last ? ` Last time you brought “${last.title}”.` : ' Anything new to offer?'
    points.push({ kind: 'challenge-open', text: `Still open since ${c.openedOn}: “${c.title}”.${help}` })
  }
  if (page.person.relationshipStyle.kind === 'not-asked') {
    points.push({
      kind: 'style-unasked',
      text: 'Ask whether they want a close working relationship or a quick, simple exchange.'
    })
  }
  if (page.cadenceOverdueDays > 0 && page.contact.daysSince !== null) {
    points.push({
      kind: 'cadence-lapsed',
      text: `It has been ${page.contact.daysSince} days since you last spoke, longer than your every-${page.person.cadenceDays}-days rhythm.`
    })
  }
  if (page.person.boundaries) points.push({ kind: 'boundary', text: `Remember: ${page.person.boundaries}` })
  return points
}

/** The first line of a Markdown note as plain text. */
export function firstLine(body: string): string {
  const line = body.split('\n').find((l) => l.trim() !== '') ?? ''
  return line
    .replace(/^[#>\-*+\s]+/, '')
    .replace(/[*_`~]/g, '')
    .trim()
    .slice(0, 200)
}

function containsWords(text: string, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false
  const all = words(text)
  for (let i = 0; i + phrase.length <= all.length; i++) if (phrase.every((w, k) => all[i + k] === w)) return true
  return false
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
