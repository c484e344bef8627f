/** index.md (everyone, archived people apart) and Follow-ups.md (every open follow-up by due date). */
import type { FollowUp } from '../../shared/schema/follow-up.ts'
import type { Person } from '../../shared/schema/person.ts'
import { daysBetween } from '../days.ts'
import { byName } from '../entries/people.ts'
import { FOLLOW_UPS_FILE, INDEX_FILE, personTarget } from './export-index.ts'
import type { ExportIndex } from './export-index.ts'
import { inline, plural } from './markdown-text.ts'
import { taskText } from './person-markdown.ts'

const stem = (file: string) => file.replace(/\.md$/, '')

export function renderIndex(index: ExportIndex): string {
  const line = (p: Person) => {
    const work = [p.role, p.company].filter(Boolean).map(inline).join(', ')
    const last = index.lastContact.get(p.id)
    return `- ${index.links.to(p.name, personTarget(index, p.id), '')}${work ? ` · ${work}` : ''}${last ? ` · last contact ${last}` : ''}`
  }
  const active = index.sorted.filter((p) => !p.archived)
  const archived = index.sorted.filter((p) => p.archived)
  const out = [
    '# People',
    '',
    `_Exported from Rapport on ${index.today} · ${plural(index.sorted.length, 'person', 'people')} · ${index.links.to('Open follow-ups', stem(FOLLOW_UPS_FILE), '')}_`,
    ''
  ]
  out.push(...(active.length > 0 ? active.map(line) : ['_No one yet._']), '')
  if (archived.length > 0) out.push('## Archived', '', ...archived.map(line), '')
  return `${out.join('\n').trimEnd()}\n`
}

/**
 * Plain list items, not tasks: each follow-up is a task once, in its person's file, so a vault's task views
 * do not count it twice.
 */
export function renderFollowUps(index: ExportIndex): string {
  const { today } = index
  const open = index.sorted
    .flatMap((p) => (index.followUps.get(p.id) ?? []).filter((f) => f.completedOn === null).map((f) => ({ f, p })))
    .sort((a, b) => a.f.dueDate.localeCompare(b.f.dueDate) || byName(a.p, b.p) || a.f.title.localeCompare(b.f.title))
  const line = ({ f, p }: { f: FollowUp; p: Person }) => {
    const who = index.links.to(p.name, personTarget(index, p.id), '')
    const what = f.direction === 'i-owe' ? `I owe ${who}` : `${who} owes me`
    return `- **${f.dueDate}** · ${what}: ${taskText(f)}${f.dueDate < today ? ` (${plural(daysBetween(f.dueDate, today), 'day')} overdue)` : ''}`
  }
  const groups: Array<[string, typeof open]> = [
    ['Overdue', open.filter(({ f }) => f.dueDate < today)],
    ['Due today', open.filter(({ f }) => f.dueDate === today)],
    ['Coming up', open.filter(({ f }) => f.dueDate > today)]
  ]
  const out = [
    '# Open follow-ups',
    '',
    `_Exported from Rapport on ${today} · ${plural(open.length, 'open follow-up')} · ${index.links.to('All people', stem(INDEX_FILE), '')}_`,
    ''
  ]
  if (open.length === 0) out.push('_Nothing open._', '')
  for (const [title, items] of groups) if (items.length > 0) out.push(`## ${title}`, '', ...items.map(line), '')
  return `${out.join('\n').trimEnd()}\n`
}
