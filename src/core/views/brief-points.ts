/**
 * The talking points: each from one plain rule over the journal, in the order a call needs them. The
 * relationship style shapes them — someone who asked for a quick exchange gets no small-talk openers and a
 * reminder to keep it short — and an interest with negative context is held back, with the reason shown.
 * The user's words are quoted or put after a label, never lower-cased or spliced into a sentence of ours.
 */
import type { BriefCommitments, HeldBack, TalkingPoint, TalkingPointKind } from '../../shared/pre-call-brief.ts'
import type { PersonPage } from '../../shared/views.ts'
import { daysBetween, localDay } from '../days.ts'
import { briefLine, days, oneLine } from './brief-line.ts'
import { boundaryWord, mentionReason, newestMention } from './negative-context.ts'

export const MAX_POINTS = 7
/** An interest mentioned in a conversation this recent is a natural opener. */
export const RECENT_DAYS = 60

export interface PointInput {
  page: PersonPage
  commitments: BriefCommitments
  today: string
  formatDay: (day: string) => string
}

export function talkingPoints(input: PointInput): { points: TalkingPoint[]; heldBack: HeldBack[] } {
  const { page, commitments, formatDay } = input
  const points: TalkingPoint[] = []
  const add = (kind: TalkingPointKind, line: ReturnType<typeof briefLine>) => points.push({ kind, ...line })
  const style = page.person.relationshipStyle.kind

  if (style === 'transactional')
    add('style-transactional', briefLine('Keep it short and bring the numbers', '', 'no small talk'))
  for (const f of commitments.now)
    add(f.direction === 'i-owe' ? 'commitment-mine' : 'commitment-theirs', briefLine(f.label, f.title, f.status))

  const heldBack: HeldBack[] = []
  if (style !== 'transactional') heldBack.push(...openers(input, add))

  for (const c of page.challenges.filter((c) => c.status === 'open')) {
    const last = c.values[0]
    const since = `since ${formatDay(c.openedOn)}`
    add(
      'challenge-open',
      briefLine(
        'Still open',
        c.title,
        last ? `${since} · last time you brought “${oneLine(last.title)}”` : `${since} · anything new to offer?`
      )
    )
  }
  if (style === 'not-asked')
    add(
      'style-unasked',
      briefLine('Ask how they like to work', '', 'a close working relationship, or a quick, simple exchange?')
    )
  if (page.cadenceOverdueDays > 0 && page.contact.daysSince !== null && page.person.cadenceDays !== null)
    add(
      'cadence-lapsed',
      briefLine(
        'Overdue a catch-up',
        '',
        `${days(page.contact.daysSince)} since you last spoke · you aim for every ${days(page.person.cadenceDays)}`
      )
    )
  return { points: points.slice(0, MAX_POINTS), heldBack }
}

/** Interests as openers: recently mentioned first, then those in common; negative context holds one back. */
function openers(
  { page, today, formatDay }: PointInput,
  add: (kind: TalkingPointKind, line: ReturnType<typeof briefLine>) => void
): HeldBack[] {
  const heldBack: HeldBack[] = []
  const recent = page.conversations.filter((c) => daysBetween(localDay(new Date(c.date)), today) <= RECENT_DAYS)
  const suggested = new Set<string>()
  const common: string[] = []
  for (const interest of page.interests) {
    const mention = newestMention(interest.label, recent)
    if (!mention && !interest.inCommon) continue
    const word = boundaryWord(interest, page.person.boundaries)
    if (word) {
      heldBack.push({ label: interest.label, reason: `your boundaries mention “${word}”` })
      continue
    }
    if (mention?.negative) {
      heldBack.push({ label: interest.label, reason: mentionReason(mention, formatDay) })
      continue
    }
    if (mention) {
      const day = formatDay(localDay(new Date(mention.conversation.date)))
      add(
        'interest-recent',
        briefLine('Ask about', interest.label, `came up ${day} in “${oneLine(mention.conversation.title)}”`)
      )
      suggested.add(interest.id)
    }
    if (interest.inCommon && !suggested.has(interest.id)) common.push(interest.label)
  }
  if (common.length > 0) {
    const list = common.join(', ')
    add('interest-common', {
      label: 'You both care about',
      quote: '',
      detail: list,
      text: `You both care about: ${list}`
    })
  }
  return heldBack
}
