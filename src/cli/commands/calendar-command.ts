/** rapport calendar: the .ics files whose meetings Today shows (the app's Settings → Calendar files). */
import { resolve } from 'node:path'
import type { CalendarFileStatus } from '../../shared/calendar.ts'
import { WEB_CALENDAR, webCalendarRefusal } from '../../shared/calendar.ts'
import { CliError, EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command, CommandContext } from '../command.ts'
import { withJournal } from '../journal-access.ts'
import { count } from '../output.ts'

const ACTIONS = ['add', 'list', 'remove'] as const
type Action = (typeof ACTIONS)[number]

export const calendarCommand: Command = {
  name: 'calendar',
  summary: 'add, list or remove the calendar files (.ics) whose meetings Today shows',
  usage: 'rapport calendar add <file>…\n       rapport calendar list [--json]\n       rapport calendar remove <file>',
  help: [
    'add <file>…      reads each .ics file (an export from Google Calendar, Outlook or Apple Calendar, or a',
    '                 subscribed calendar saved on disk) and adds it to the app’s calendar files. A file that',
    '                 cannot be read is refused, naming the line, and nothing is added. A web address',
    '                 (https://, webcal://) is refused too: Rapport never goes online; export the file instead.',
    'list             the files, each with its number of events or why it cannot be read now',
    'remove <file>    stops reading the file (the file itself is left alone)',
    '',
    'Options:',
    '  --json   list only: print [{file, events, readAt, problem}]',
    '',
    'The events are read from the files every time and never copied into the journal. list works while',
    'Rapport is open; add and remove change the app’s settings, so Rapport must be closed (or use its',
    'Settings → Calendar files).'
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  readOnly: false,
  async run(context) {
    const [action, ...files] = context.args
    if (!ACTIONS.includes(action as Action)) {
      throw new UsageError(
        action === undefined
          ? 'rapport calendar: say add, list or remove, as in “rapport calendar add ~/Calendars/work.ics”.'
          : `rapport calendar: “${action}” is not something it does; use add, list or remove.`
      )
    }
    if (action === 'list') return list(context, files)
    if (files.length === 0)
      throw new UsageError(`rapport calendar ${action}: say which file, as in “rapport calendar ${action} work.ics”.`)
    if (context.options.json) throw new UsageError(`rapport calendar ${action}: --json is for list only.`)
    const web = files.find((file) => WEB_CALENDAR.test(file))
    if (web) throw new CliError(webCalendarRefusal(web))
    return action === 'add' ? add(context, files) : remove(context, files)
  }
}

async function add({ dataDir, out, now }: CommandContext, files: string[]): Promise<number> {
  const picked = files.map((file) => resolve(file))
  // Read first, without the lock: a file that cannot be read is refused before anything is touched.
  const checked = await withJournal(
    dataDir,
    { mode: 'read', mustExist: false, now, picks: { files: picked } },
    ({ call }) => call('checkCalendarFiles', {})
  )
  const problem = checked.canceled ? '' : checked.files.find((file) => file.problem)?.problem
  if (problem) throw new CliError(`${problem} The calendar was not added.`)
  const result = await withJournal(
    dataDir,
    { mode: 'write', changes: false, mustExist: false, now, picks: { files: picked } },
    ({ call }) => call('addCalendarFiles', {})
  )
  if (result.canceled) return EXIT_OK
  for (const file of picked) {
    const status = result.files.find((f) => f.file === file)
    const already = !result.added.includes(file)
    out.line(`${already ? 'Already there' : 'Added'}: ${file} (${count(status?.events ?? 0, 'event')})`)
  }
  return EXIT_OK
}

async function remove({ dataDir, out, now }: CommandContext, files: string[]): Promise<number> {
  if (files.length > 1)
    throw new UsageError('rapport calendar remove: one file at a time. Quote a path that has spaces.')
  const file = resolve(files[0]!)
  await withJournal(dataDir, { mode: 'write', changes: false, mustExist: true, now }, ({ call }) =>
    call('removeCalendarFile', { file })
  )
  out.line(`Removed: ${file} (the file itself is untouched).`)
  return EXIT_OK
}

async function list({ dataDir, options, out, now }: CommandContext, extra: string[]): Promise<number> {
  if (extra.length > 0) throw new UsageError(`rapport calendar list: takes no file (“${extra[0]}” is extra).`)
  const files = await withJournal(dataDir, { mode: 'read', mustExist: true, now }, ({ call }) =>
    call('calendarFiles', {})
  )
  if (options.json) {
    out.json(files)
    return EXIT_OK
  }
  if (files.length === 0) out.line('No calendar files yet. Add one with “rapport calendar add <file.ics>”.')
  for (const file of files) out.line(statusLine(file))
  return EXIT_OK
}

function statusLine({ file, events, problem }: CalendarFileStatus): string {
  return problem ? `${file}: cannot be read now — ${problem}` : `${file}: ${count(events, 'event')}`
}
