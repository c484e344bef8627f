/** rapport brief: the pre-call brief for one person, found by (part of) their name. */
import { briefText } from '../brief-text.ts'
import { EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { withJournal } from '../journal-access.ts'
import { findPerson } from '../person-match.ts'

export const briefCommand: Command = {
  name: 'brief',
  summary: 'print the pre-call brief for a person',
  usage: 'rapport brief <name> [--json]',
  help: [
    'Prints the brief the app shows before a call, block by block: before you dial (boundaries, relationship',
    'style in their words, their local time, important dates coming up, last contact), talking points (and',
    'the interests held back, with why), commitments both ways ranked by what matters now, what changed in',
    'the last one or two conversations, life outside work, what drives them, open challenges and the last',
    'three conversations, and the next meeting with them from the calendar files (see “rapport calendar”).',
    'Dates use the date format chosen in Settings. The name may be partial or slightly',
    'misspelt; if several people fit equally, they are listed and nothing is printed. Works while Rapport is',
    'open.',
    '',
    'Options:',
    '  --json   print the brief as JSON: the same blocks as fields (beforeYouDial, talkingPoints, heldBack,',
    '           commitments {now, later, older, olderText}, whatChanged, recent, …, nextMeeting: {title,',
    '           start, end, allDay, withNames} or null)'
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  readOnly: true,
  async run({ dataDir, args, options, out, now }) {
    const name = args.join(' ').trim()
    if (name === '') throw new UsageError('rapport brief: say whose brief, as in “rapport brief Ana García”.')
    const [brief, nextMeeting] = await withJournal(dataDir, { mode: 'read', mustExist: true, now }, async (journal) => {
      const { id } = await findPerson(journal, name)
      return Promise.all([journal.call('getBrief', { id }), journal.call('nextMeetingWith', { id })])
    })
    if (options.json) out.json({ ...brief, nextMeeting })
    else out.line(briefText(brief, nextMeeting))
    return EXIT_OK
  }
}
