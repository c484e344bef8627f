/** rapport today: today's meetings; what is due — overdue, today, the next seven days; who is overdue a call. */
import type { MeetingsView } from '../../shared/calendar.ts'
import type { DueFollowUp, Today } from '../../shared/views.ts'
import { meetingsJson, printMeetings } from '../meeting-text.ts'
import { EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { dayText, followUpText } from '../follow-up-text.ts'
import { withJournal } from '../journal-access.ts'
import { count } from '../output.ts'
import type { Output } from '../output.ts'

export const todayCommand: Command = {
  name: 'today',
  summary: 'today’s meetings and what is due: overdue, today and the next 7 days',
  usage: 'rapport today [--json]',
  help: [
    'Lists today’s meetings and tomorrow morning’s from the calendar files (see “rapport calendar”), each',
    'with the people in the journal it is with; open follow-ups either way that are overdue, due today and',
    'due in the next seven days, each with the id “rapport done” takes; and the people whose keep-in-touch',
    'cadence has run out. Works while Rapport is open.',
    'Important dates (birthdays, renewals) show from their reminder lead time, a week by default.',
    '',
    'Options:',
    '  --json   print {today, meetings, calendarProblems, overdue, dueToday, upcoming, lapsed, dates}; each',
    '           meeting as {title, start, end, allDay, location, people: [{id, name}], attendees, logged},',
    '           each attendee as {name, email, organizer, personId, personName, matchedBy}; each follow-up as',
    '           {id, personId, personName, title, direction, dueDate, daysOverdue} (negative: days to go),',
    '           each lapsed person as {personId, personName, lastContact, daysSince, cadenceDays}, each date',
    '           as {personId, personName, label, date, on, inDays, years}'
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  readOnly: true,
  async run({ dataDir, args, options, out, now }) {
    if (args.length > 0) throw new UsageError(`rapport today: takes no arguments (“${args[0]}” is extra).`)
    const [today, meetings] = await withJournal(dataDir, { mode: 'read', mustExist: true, now }, ({ call }) =>
      Promise.all([call('getToday', {}), call('getMeetings', {})])
    )
    if (options.json) out.json({ ...todayJson(today), ...meetingsJson(meetings) })
    else printToday(today, meetings, out)
    return EXIT_OK
  }
}

function row(f: DueFollowUp) {
  return {
    id: f.id,
    personId: f.personId,
    personName: f.personName,
    title: f.title,
    direction: f.direction,
    dueDate: f.dueDate,
    daysOverdue: f.daysOverdue
  }
}

function todayJson(today: Today) {
  return {
    today: today.today,
    overdue: today.overdue.map(row),
    dueToday: today.dueToday.map(row),
    upcoming: today.upcoming.map(row),
    lapsed: today.lapsed.map((l) => ({
      personId: l.person.id,
      personName: l.person.name,
      lastContact: l.lastContact,
      daysSince: l.daysSince,
      cadenceDays: l.cadenceDays
    })),
    dates: today.dates.map(({ personId, personName, label, date, on, inDays, years }) => ({
      personId,
      personName,
      label,
      date,
      on,
      inDays,
      years
    }))
  }
}

function printToday(today: Today, meetings: MeetingsView, out: Output): void {
  out.line(`Today, ${dayText(today.today)}`)
  printMeetings(meetings, out)
  const section = (heading: string, items: DueFollowUp[], when: (f: DueFollowUp) => string) => {
    out.line()
    out.line(`${heading} (${items.length})`)
    if (items.length === 0) out.line('  Nothing.')
    for (const f of items) out.line(`  ${followUpText(f, f.personName)}${when(f)}  [${f.id}]`)
  }
  section('Overdue', today.overdue, (f) => ` · due ${f.dueDate}, ${count(f.daysOverdue, 'day')} overdue`)
  section('Due today', today.dueToday, () => '')
  section('Next 7 days', today.upcoming, (f) => ` · ${dayText(f.dueDate)}`)
  if (today.lapsed.length > 0) {
    out.line()
    out.line(`Keep in touch (${today.lapsed.length})`)
    for (const l of today.lapsed)
      out.line(
        `  ${l.person.name}: last contact ${l.lastContact ?? 'never'}, ${count(l.daysSince, 'day')} ago (every ${count(l.cadenceDays, 'day')})`
      )
  }
  if (today.dates.length > 0) {
    out.line()
    out.line(`Dates coming up (${today.dates.length})`)
    for (const d of today.dates) out.line(`  ${d.personName}: ${d.text} · ${dayText(d.on)}`)
  }
}
