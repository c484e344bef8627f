/** The pre-call brief as plain text: the app's blocks, in the app's order, from the same fields. */
import type { Brief } from '../shared/pre-call-brief.ts'
import type { NextMeeting } from '../shared/calendar.ts'
import { clockSpan, formatDayAs } from '../shared/day-format.ts'
import { CHANNEL_LABELS } from '../shared/labels.ts'
import { localDay } from '../core/days.ts'
import { indented, oneLine } from './output.ts'

/** `next`: the next meeting with them in the calendar files, shown above the blocks as the app does. */
export function briefText(brief: Brief, next: NextMeeting | null = null): string {
  const { person, beforeYouDial: dial } = brief
  const day = (iso: string) => formatDayAs(iso, brief.dateFormat)
  const lines: string[] = [`Pre-call brief: ${person.name}`]
  const about = [person.role, person.company].filter(Boolean).join(' · ')
  if (about) lines.push(about)
  if (next) lines.push(nextMeetingLine(next, day))

  section(lines, 'Before you dial', [
    dial.boundaries ? `Boundaries: ${dial.boundaries}` : 'Boundaries: none noted',
    `Relationship style: ${dial.style.text}`,
    ...(dial.localTime ? [`Their time: ${dial.localTime.text}`] : []),
    ...dial.dates.map((d) => `Coming up: ${d.text} (${d.onText})`),
    `Last contact: ${brief.lastContactText}`
  ])
  section(
    lines,
    'Talking points',
    [
      ...brief.talkingPoints.map((point, i) => `${i + 1}. ${point.text}`),
      ...brief.heldBack.map((held) => `Not suggested as an opener: ${held.label} — ${held.reason}`)
    ],
    'Nothing stands out. Listen for what they care about and note it afterwards.'
  )
  const { now, later, olderText } = brief.commitments
  section(
    lines,
    'Open commitments',
    [...[...now, ...later].map((f) => `- ${f.text}`), ...(olderText ? [`- ${olderText}`] : [])],
    'None either way.'
  )
  section(
    lines,
    'What changed since last time',
    brief.whatChanged.map((c) => `- ${c.text}`),
    'Nothing new with a number, a date, a name or a decision in the last notes.'
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
    brief.openChallenges.map((c) => `- ${oneLine(c.title)} · since ${day(c.openedOn)}`),
    'None noted.'
  )
  section(
    lines,
    'Last conversations',
    brief.recent.flatMap((c) => [
      `- ${day(localDay(new Date(c.date)))} · ${CHANNEL_LABELS[c.channel]} · ${oneLine(c.title)}`,
      ...(c.firstLine ? [`  ${c.firstLine}`] : [])
    ]),
    'No conversations yet.'
  )
  return lines.join('\n')
}

/** "Next meeting: 03/12/2026, 10:00–10:30 · Acme renewal call · with Luis Ortega" */
function nextMeetingLine(next: NextMeeting, day: (iso: string) => string): string {
  const when = next.allDay ? 'all day' : clockSpan(next.start, next.end)
  const others = next.withNames.length > 0 ? ` · with ${next.withNames.join(', ')}` : ''
  return `Next meeting: ${day(localDay(new Date(next.start)))}, ${when} · ${oneLine(next.title)}${others}`
}

function section(lines: string[], heading: string, body: string[], empty = ''): void {
  lines.push('', heading)
  for (const text of body.length > 0 ? body : [empty]) lines.push(indented(text))
}
