/** One person's Markdown file: properties, the page as the app shows it, commitments as tasks, the conversations. */
import type { Challenge, Value } from '../../shared/schema/challenge.ts'
import type { FollowUp } from '../../shared/schema/follow-up.ts'
import type { ImportantDate } from '../../shared/schema/important-date.ts'
import type { PromiseRecord } from '../../shared/views.ts'
import { daysBetween, localDay } from '../days.ts'
import { personPage } from '../views/person-page.ts'
import { INDEX_FILE, personTarget, sliceFor } from './export-index.ts'
import type { ExportIndex } from './export-index.ts'
import { frontMatter } from './front-matter.ts'
import { block, inline, plural } from './markdown-text.ts'
import { noteMarkdown } from './note-markdown.ts'

// The conversation's heading is h3 (under "## Conversations"), so a note's h1 becomes h4.
const NOTE_HEADING_SHIFT = 3

export function renderPerson(index: ExportIndex, id: string): string {
  const slice = sliceFor(index, id)
  const page = personPage(slice, id, index.now)
  const { person } = page
  const out: string[] = []
  const list = (items: string[], empty = '_Nothing yet._') => out.push(...(items.length > 0 ? items : [empty]), '')
  // The day anything of theirs last changed, so `updated` sorts people by recent activity in a vault.
  const stamps = [
    person,
    ...slice.conversations,
    ...slice.followUps,
    ...slice.challenges,
    ...slice.values,
    ...(index.interests.get(id) ?? [])
  ].map((item) => ('updatedAt' in item ? item.updatedAt : item.createdAt))
  const updated = stamps.reduce((newest, stamp) => (stamp > newest ? stamp : newest))

  out.push(
    ...frontMatter({
      person,
      lastContact: page.contact.lastContact,
      created: localDay(new Date(person.createdAt)),
      updated: localDay(new Date(updated))
    }),
    '',
    `# ${inline(person.name)}`,
    ''
  )

  const style = person.relationshipStyle
  const styleText = { 'not-asked': 'not asked yet', relationship: 'relationship', transactional: 'transactional' }[
    style.kind
  ]
  const asked = style.askedOn ? `, asked ${style.askedOn}` : ''
  const words = style.theirWords ? `: “${block(style.theirWords, '  ')}”` : ''
  const cadence =
    person.cadenceDays === null
      ? 'no cadence set'
      : `every ${plural(person.cadenceDays, 'day')}${page.cadenceOverdueDays > 0 ? `, ${plural(page.cadenceOverdueDays, 'day')} overdue` : ''}`
  const contact =
    page.contact.lastContact === null ? 'never' : `${page.contact.lastContact} (${ago(page.contact.daysSince ?? 0)})`
  list([
    `- **Relationship style:** ${styleText}${asked}${words}`,
    `- **Keep in touch:** ${cadence}`,
    `- **Last contact:** ${contact}`,
    ...(person.archived ? ['- **Archived**'] : [])
  ])

  out.push('## About', '')
  const about: Array<[string, string]> = [
    ['Role', person.role],
    ['Company', person.company],
    ['How we met', person.howWeMet],
    ['What drives them', person.drives],
    ['Life outside work', person.lifeOutsideWork],
    ['Boundaries', person.boundaries]
  ]
  list([
    ...about.filter(([, text]) => text).map(([label, text]) => `- **${label}:** ${block(text, '  ')}`),
    // The schema only accepts real addresses, so an autolink is safe and clickable.
    ...(person.email ? [`- **Email:** <${person.email}>`] : []),
    ...(person.phone ? [`- **Phone:** ${inline(person.phone)}`] : []),
    // Other addresses are kept as a contact file wrote them, so they are text, not links.
    ...(person.otherEmails.length > 0 ? [`- **Other emails:** ${person.otherEmails.map(inline).join(', ')}`] : []),
    ...(person.otherPhones.length > 0 ? [`- **Other phones:** ${person.otherPhones.map(inline).join(', ')}`] : []),
    ...(person.location ? [`- **Location:** ${inline(person.location)}`] : []),
    ...(person.timeZone ? [`- **Time zone:** ${inline(person.timeZone)}`] : []),
    ...(person.tags.length > 0 ? [`- **Tags:** ${person.tags.map(inline).join(', ')}`] : []),
    ...(person.importantDates.length > 0 ? ['- **Important dates:**', ...person.importantDates.map(dateLine)] : [])
  ])

  out.push('## Interests', '')
  list(
    page.interests.map(
      (i) =>
        `- ${inline(i.label)} · ${i.category}${i.inCommon ? ' · **in common**' : ''}${i.note ? ` — ${block(i.note, '  ')}` : ''}`
    )
  )

  out.push('## Challenges', '')
  const unlinked = (index.values.get(id) ?? [])
    .filter((v) => v.challengeId === null)
    .sort((a, b) => b.date.localeCompare(a.date))
  if (page.challenges.length === 0 && unlinked.length === 0) list([])
  for (const c of page.challenges) {
    out.push(`### ${inline(c.title)}`, '', challengeStatus(c), '')
    if (c.detail) out.push(block(c.detail), '')
    if (c.values.length > 0) out.push('Value I brought:', '', ...c.values.map(valueLine), '')
  }
  if (unlinked.length > 0) out.push('### Other value I brought', '', ...unlinked.map(valueLine), '')

  out.push('## Commitments', '')
  list([`- **My promises:** ${record(page.myPromises)}`, `- **Their promises:** ${record(page.theirPromises)}`])
  out.push('### Open', '')
  list(page.followUps.filter((f) => f.completedOn === null).map(openTask), '_Nothing open._')
  const done = page.followUps.filter((f) => f.completedOn !== null)
  if (done.length > 0) {
    out.push('### Done', '')
    list(done.map(doneTask))
  }

  out.push('## Conversations', '')
  if (page.conversations.length === 0) list([])
  for (const c of page.conversations) {
    out.push(`### ${localDay(new Date(c.date))} · ${c.channel} · ${inline(c.title)}`, '')
    const others = [...new Set(c.personIds)].filter((p) => p !== id)
    if (others.length > 0)
      out.push(
        `With ${others.map((p) => index.links.to(index.people.get(p)!.name, personTarget(index, p), 'People')).join(', ')}`,
        ''
      )
    const body = noteMarkdown(c.body, NOTE_HEADING_SHIFT)
    if (body.trim()) out.push(body, '')
  }

  out.push(
    '---',
    '',
    `_Exported from Rapport · ${index.links.to('All people', INDEX_FILE.replace(/\.md$/, ''), 'People')}_`
  )
  return `${out.join('\n')}\n`
}

// The Tasks plugin reads these emoji at the end of a task as its dates and flags; a title must not carry one.
const TASK_SIGNIFIERS = /[📅⏳🛫➕✅❌🔁⏫🔼🔽⏬🔺🆔⛔🏁]\uFE0F?/gu

/** A follow-up in the Tasks plugin's format: `- [ ] I owe: Send the deck 📅 2026-12-06`. */
export function taskText(f: FollowUp): string {
  return inline(f.title.replace(TASK_SIGNIFIERS, '')).trim()
}

function openTask(f: FollowUp): string {
  return `- [ ] ${f.direction === 'i-owe' ? 'I owe' : 'They owe'}: ${taskText(f)} 📅 ${f.dueDate}`
}

function doneTask(f: FollowUp): string {
  const late = f.completedOn! > f.dueDate ? ` (late by ${plural(daysBetween(f.dueDate, f.completedOn!), 'day')})` : ''
  return `- [x] ${f.direction === 'i-owe' ? 'I owed' : 'They owed'}: ${taskText(f)}${late} 📅 ${f.dueDate} ✅ ${f.completedOn}`
}

/** `  - Birthday: 03-17 (year not known) · every year · remind 3 days before`. */
function dateLine(d: ImportantDate): string {
  const date = d.date.startsWith('--') ? `${d.date.slice(2)} (year not known)` : d.date
  const remind = d.remindDaysBefore === null ? '' : ` · remind ${plural(d.remindDaysBefore, 'day')} before`
  return `  - ${inline(d.label)}: ${date} · ${d.repeats === 'yearly' ? 'every year' : 'once'}${remind}`
}

function challengeStatus(c: Challenge): string {
  if (c.status === 'open') return `**Open** since ${c.openedOn}`
  const label = c.status === 'helped' ? '**Helped**' : '**Solved**'
  return `${label}${c.closedOn ? ` on ${c.closedOn}` : ''} · opened ${c.openedOn}`
}

function valueLine(v: Value): string {
  return `- ${v.date} · ${v.kind}: ${inline(v.title)}${v.note ? ` — ${block(v.note, '  ')}` : ''}`
}

function record(r: PromiseRecord): string {
  return `${r.keptOnTime} kept on time · ${r.keptLate} kept late · ${r.overdue} overdue · ${r.open} open`
}

function ago(days: number): string {
  return days === 0 ? 'today' : `${plural(days, 'day')} ago`
}
