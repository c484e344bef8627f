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
    'Prints the brief the app shows before a call: relationship style, last contact, talking points, open',
    'commitments, life outside work and interests, what drives them, open challenges and the last three',
    'conversations. The name may be partial or slightly misspelt; if several people fit equally, they are',
    'listed and nothing is printed. Works while Rapport is open.',
    '',
    'Options:',
    '  --json   print the brief as JSON'
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  readOnly: true,
  async run({ dataDir, args, options, out, now }) {
    const name = args.join(' ').trim()
    if (name === '') throw new UsageError('rapport brief: say whose brief, as in “rapport brief Ana García”.')
    const brief = await withJournal(dataDir, { mode: 'read', mustExist: true, now }, async (journal) =>
      journal.call('getBrief', { id: (await findPerson(journal, name)).id })
    )
    if (options.json) out.json(brief)
    else out.line(briefText(brief))
    return EXIT_OK
  }
}
