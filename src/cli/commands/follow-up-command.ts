/** rapport follow-up: a promise either way, with a due day typed as people say it. */
import { EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { dayText, followUpText } from '../follow-up-text.ts'
import { withJournal } from '../journal-access.ts'
import { findPerson } from '../person-match.ts'
import { dueDay } from '../when.ts'

export const followUpCommand: Command = {
  name: 'follow-up',
  summary: 'add a follow-up: something I owe someone, or they owe me',
  usage: 'rapport follow-up <name> <title> --due <when> [--they-owe] [--json]',
  help: [
    'Adds a follow-up for the person the name matches (found as “rapport brief” finds them): by default',
    'something I owe them; with --they-owe, something they owe me.',
    '',
    'Options:',
    '  --due <when>   when it is due: “today”, “tomorrow”, “fri” (the coming Friday, today if it is one),',
    '                 “next tuesday”, “in 2 weeks”, “dec 6” or 2026-12-06',
    '  --they-owe     they owe it to me',
    '  --json         print the follow-up as JSON',
    '',
    'Example: rapport follow-up "Ana García" "Send two pricing options" --due fri'
  ].join('\n'),
  options: { due: { type: 'string' }, 'they-owe': { type: 'boolean' }, json: { type: 'boolean' } },
  readOnly: false,
  async run({ dataDir, args, options, out, now }) {
    const [name, ...words] = args
    const title = words.join(' ').trim()
    if (name === undefined || name.trim() === '' || title === '')
      throw new UsageError(
        'rapport follow-up: say for whom and what, as in “rapport follow-up "Ana García" "Send the deck" --due fri”.'
      )
    if (typeof options.due !== 'string')
      throw new UsageError('rapport follow-up: say when it is due, as in “--due fri” or “--due 2026-12-06”.')
    const dueDate = dueDay(options.due, now, 'rapport follow-up')
    const direction = options['they-owe'] === true ? 'they-owe' : 'i-owe'
    // Found before the lock is taken, so a name that fits no one (or several) changes nothing at all.
    const person = await withJournal(dataDir, { mode: 'read', mustExist: true, now }, (journal) =>
      findPerson(journal, name)
    )
    const followUp = await withJournal(dataDir, { mode: 'write', mustExist: true, now }, ({ call }) =>
      call('addFollowUp', { followUp: { personId: person.id, title, dueDate, direction, conversationId: null } })
    )
    if (options.json) out.json(followUp)
    else out.line(`${followUpText(followUp, person.name)}, due ${dayText(dueDate)}. Id: ${followUp.id}`)
    return EXIT_OK
  }
}
