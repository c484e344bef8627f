/** The pre-call brief as plain text, in the order of the app's brief: who, then what to say, then the rest. */
import { CHANNEL_LABELS, RELATIONSHIP_LABELS } from '../shared/labels.ts'
import type { Brief } from '../shared/views.ts'
import { localDay } from '../core/days.ts'
import { indented, oneLine } from './output.ts'

export function briefText(brief: Brief): string {
  const { person, contact } = brief
  const style = person.relationshipStyle
  const lines: string[] = [`Pre-call brief: ${person.name}`]
  const about = [person.role, person.company].filter(Boolean).join(' · ')
  if (about) lines.push(about)
  lines.push('')
  lines.push(
    `Relationship style: ${RELATIONSHIP_LABELS[style.kind]}${style.theirWords ? ` — “${oneLine(style.theirWords)}”` : ''}`
  )
  lines.push(
    `Last contact: ${contact.lastContact ? `${daysAgo(contact.daysSince ?? 0)} (${contact.lastContact})` : 'never: this is the first conversation'}`
  )
  if (person.timeZone) lines.push(`Time zone: ${person.timeZone}`)

  section(
    lines,
    'Talking points',
    brief.talkingPoints.map((point, i) => `${i + 1}. ${point.text}`),
    'Nothing stands out. Listen for what they care about and note it afterwards.'
  )
  section(
    lines,
    'Open commitments',
    brief.openCommitments.map(
      (f) => `- ${f.direction === 'i-owe' ? 'I owe' : 'They owe'}: ${oneLine(f.title)} · due ${f.dueDate}`
    ),
    'None either way.'
  )
  const interests = brief.interests.map((i) => (i.inCommon ? `${i.label} (in common)` : i.label))
  const life = [
    ...(person.lifeOutsideWork ? [person.lifeOutsideWork] : []),
    ...(interests.length > 0 ? [`Interests: ${interests.join(', ')}`] : [])
  ]
  section(lines, 'Life outside work', life, 'Nothing noted yet.')
  section(lines, 'What drives them', person.drives ? [person.drives] : [], 'Not noted yet.')
  section(
    lines,
    'Open challenges',
    brief.openChallenges.map((c) => `- ${oneLine(c.title)} · since ${c.openedOn}`),
    'None noted.'
  )
  section(
    lines,
    'Last conversations',
    brief.recent.flatMap((c) => [
      `- ${localDay(new Date(c.date))} · ${CHANNEL_LABELS[c.channel]} · ${oneLine(c.title)}`,
      ...(c.firstLine ? [`  ${c.firstLine}`] : [])
    ]),
    'No conversations yet.'
  )
  return lines.join('\n')
}

function section(lines: string[], heading: string, body: string[], empty: string): void {
  lines.push('', heading)
  for (const text of body.length > 0 ? body : [empty]) lines.push(indented(text))
}

function daysAgo(days: number): string {
  if (days <= 0) return 'today'
  if (days === 1) return 'yesterday'
  return `${days} days ago`
}
