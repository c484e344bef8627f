/** rapport brief: the pre-call brief for one person, found by (part of) their name. */
import { briefText } from '../brief-text.ts'
import { CliError, EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { withJournal } from '../journal-access.ts'
import { CANDIDATE_PEOPLE, matchPerson } from '../person-match.ts'

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
    const brief = await withJournal(dataDir, { mode: 'read', mustExist: true, now }, async ({ call }) => {
      const people = await call('listPeople', {})
      const search = async (text: string) => (await call('search', { query: { text, limit: CANDIDATE_PEOPLE } })).groups
      const match = await matchPerson(people, name, search)
      if (match.kind === 'none') throw new CliError(`No one in the journal matches “${name}”.`)
      if (match.kind === 'several') {
        const list = match.people.map((p) => `  ${p.name}${p.company ? ` (${p.company})` : ''}`)
        throw new CliError([`Several people match “${name}”; give more of the name:`, ...list].join('\n'))
      }
      return call('getBrief', { id: match.person.id })
    })
    if (options.json) out.json(brief)
    else out.line(briefText(brief))
    return EXIT_OK
  }
}
