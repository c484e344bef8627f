/**
 * Markdown export: a readable, printable file per person (People/<Name>.md), an index.md linking everyone,
 * and Follow-ups.md with every open follow-up, into a folder the user picked. Links are standard relative
 * Markdown links, so they work in Obsidian and in any plain Markdown viewer.
 */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Challenge, Value } from '../../shared/schema/challenge.ts'
import type { FollowUp } from '../../shared/schema/follow-up.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import type { Person } from '../../shared/schema/person.ts'
import type { PromiseRecord } from '../../shared/views.ts'
import { daysBetween, localDay } from '../days.ts'
import { block, closedMarkdown, inline, link, plural, yamlString } from './markdown-text.ts'
import { byName } from '../entries/people.ts'
import { personPage } from '../views/person-page.ts'
import { eachLimited, insideFolder, refuseLinkedFolder, writeExportFile } from './export-files.ts'
import { indexJournal, personLink, sliceFor } from './export-index.ts'
import type { ExportIndex } from './export-index.ts'

export const PEOPLE_FOLDER = 'People'
export const INDEX_FILE = 'index.md'
export const FOLLOW_UPS_FILE = 'Follow-ups.md'

export interface ExportOptions {
  /** Only these people (the person page's export); index.md and Follow-ups.md then cover just them. */
  personIds?: string[]
}

export interface ExportResult {
  files: number
  /** The absolute folder written to. */
  folder: string
}

/** One person's Markdown file, as the export writes it. */
export function renderPersonMarkdown(journal: Journal, personId: string, now: Date): string {
  return renderPerson(indexJournal(journal, now), personId)
}

/** Writes the export into `folder` (created if needed) and says how many files it wrote. */
export async function exportMarkdown(
  journal: Journal,
  folder: string,
  now: Date,
  options: ExportOptions = {}
): Promise<ExportResult> {
  const root = resolve(folder)
  const index = indexJournal(journal, now, options.personIds)
  const files: Array<{ path: string; render: () => string }> = [
    ...index.exported.map((p) => ({
      path: insideFolder(root, `${PEOPLE_FOLDER}/${index.stems.get(p.id)!}.md`),
      render: () => renderPerson(index, p.id)
    })),
    { path: insideFolder(root, INDEX_FILE), render: () => renderIndex(index) },
    { path: insideFolder(root, FOLLOW_UPS_FILE), render: () => renderFollowUps(index) }
  ]
  await mkdir(join(root, PEOPLE_FOLDER), { recursive: true })
  await refuseLinkedFolder(root, join(root, PEOPLE_FOLDER))
  await eachLimited(files, 16, ({ path, render }) => writeExportFile(root, path, render()))
  return { files: files.length, folder: root }
}

function renderPerson(index: ExportIndex, id: string): string {
  const page = personPage(sliceFor(index, id), id, index.now)
  const { person } = page
  const { today } = index
  const out: string[] = []
  const list = (items: string[], empty = '_Nothing yet._') => out.push(...(items.length > 0 ? items : [empty]), '')

  out.push(
    '---',
    `id: ${yamlString(person.id)}`,
    `name: ${yamlString(person.name)}`,
    `company: ${yamlString(person.company)}`,
    `role: ${yamlString(person.role)}`
  )
  out.push(person.tags.length === 0 ? 'tags: []' : 'tags:', ...person.tags.map((t) => `  - ${yamlString(t)}`))
  out.push(
    `relationship_style: ${yamlString(person.relationshipStyle.kind)}`,
    `cadence_days: ${person.cadenceDays ?? 'null'}`,
    `last_contact: ${page.contact.lastContact === null ? 'null' : yamlString(page.contact.lastContact)}`,
    `archived: ${person.archived}`,
    '---',
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
    ...(person.location ? [`- **Location:** ${inline(person.location)}`] : []),
    ...(person.timeZone ? [`- **Time zone:** ${inline(person.timeZone)}`] : []),
    ...(person.tags.length > 0 ? [`- **Tags:** ${person.tags.map(inline).join(', ')}`] : [])
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
  const open = page.followUps.filter((f) => f.completedOn === null)
  const done = page.followUps.filter((f) => f.completedOn !== null)
  out.push('### Open', '')
  list(
    open.map(
      (f) => `- [ ] ${f.direction === 'i-owe' ? 'I owe' : 'They owe'}: ${inline(f.title)} — ${due(f.dueDate, today)}`
    ),
    '_Nothing open._'
  )
  if (done.length > 0) {
    out.push('### Done', '')
    list(
      done.map(
        (f) =>
          `- [x] ${f.direction === 'i-owe' ? 'I owed' : 'They owed'}: ${inline(f.title)} — due ${f.dueDate}, done ${f.completedOn}${f.completedOn! > f.dueDate ? ' (late)' : ''}`
      )
    )
  }

  out.push('## Conversations', '')
  if (page.conversations.length === 0) list([])
  for (const c of page.conversations) {
    out.push(`### ${localDay(new Date(c.date))} · ${c.channel} · ${inline(c.title)}`, '')
    const others = [...new Set(c.personIds)].filter((p) => p !== id)
    if (others.length > 0) out.push(`With ${others.map((p) => personLink(index, p, '')).join(', ')}`, '')
    const body = closedMarkdown(c.body)
    if (body.trim()) out.push(body, '')
  }

  out.push('---', '', `_Exported from Rapport on ${today} · ${link('All people', `../${INDEX_FILE}`)}_`)
  return `${out.join('\n')}\n`
}

function renderIndex(index: ExportIndex): string {
  const line = (p: Person) => {
    const work = [p.role, p.company].filter(Boolean).map(inline).join(', ')
    const last = index.lastContact.get(p.id)
    return `- ${personLink(index, p.id, `${PEOPLE_FOLDER}/`)}${work ? ` · ${work}` : ''}${last ? ` · last contact ${last}` : ''}`
  }
  const active = index.exported.filter((p) => !p.archived)
  const archived = index.exported.filter((p) => p.archived)
  const out = [
    '# People',
    '',
    `_Exported from Rapport on ${index.today} · ${plural(index.exported.length, 'person', 'people')} · ${link('Open follow-ups', FOLLOW_UPS_FILE)}_`,
    ''
  ]
  out.push(...(active.length > 0 ? active.map(line) : ['_No one yet._']), '')
  if (archived.length > 0) out.push('## Archived', '', ...archived.map(line), '')
  return `${out.join('\n').trimEnd()}\n`
}

function renderFollowUps(index: ExportIndex): string {
  const { today } = index
  const open = index.exported
    .flatMap((p) => (index.followUps.get(p.id) ?? []).filter((f) => f.completedOn === null).map((f) => ({ f, p })))
    .sort((a, b) => a.f.dueDate.localeCompare(b.f.dueDate) || byName(a.p, b.p) || a.f.title.localeCompare(b.f.title))
  const line = ({ f, p }: { f: FollowUp; p: Person }) => {
    const who = personLink(index, p.id, `${PEOPLE_FOLDER}/`)
    const what = f.direction === 'i-owe' ? `I owe ${who}` : `${who} owes me`
    return `- [ ] **${f.dueDate}** · ${what}: ${inline(f.title)}${f.dueDate < today ? ` (${plural(daysBetween(f.dueDate, today), 'day')} overdue)` : ''}`
  }
  const groups: Array<[string, typeof open]> = [
    ['Overdue', open.filter(({ f }) => f.dueDate < today)],
    ['Due today', open.filter(({ f }) => f.dueDate === today)],
    ['Coming up', open.filter(({ f }) => f.dueDate > today)]
  ]
  const out = [
    '# Open follow-ups',
    '',
    `_Exported from Rapport on ${today} · ${plural(open.length, 'open follow-up')} · ${link('All people', INDEX_FILE)}_`,
    ''
  ]
  if (open.length === 0) out.push('_Nothing open._', '')
  for (const [title, items] of groups) if (items.length > 0) out.push(`## ${title}`, '', ...items.map(line), '')
  return `${out.join('\n').trimEnd()}\n`
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

function due(day: string, today: string): string {
  if (day === today) return `due ${day}, today`
  return day < today ? `due ${day}, ${plural(daysBetween(day, today), 'day')} overdue` : `due ${day}`
}

function ago(days: number): string {
  return days === 0 ? 'today' : `${plural(days, 'day')} ago`
}
