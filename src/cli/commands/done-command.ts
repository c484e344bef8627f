/** rapport done: a follow-up marked done, by the id `rapport today` and `rapport follow-up` print. */
import { EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { followUpText } from '../follow-up-text.ts'
import { withJournal } from '../journal-access.ts'
import { localDay } from '../../core/days.ts'
import { pastMoment } from '../when.ts'

export const doneCommand: Command = {
  name: 'done',
  summary: 'mark a follow-up done',
  usage: 'rapport done <id> [--on <when>] [--json]',
  help: [
    'Marks the follow-up with this id done (ids are printed by “rapport today” and “rapport follow-up”).',
    'Whether it was kept on time or late counts towards the promise record.',
    '',
    'Options:',
    '  --on <when>   the day it was done (default today): “yesterday”, “mon”, 2026-11-20',
    '  --json        print the follow-up as JSON'
  ].join('\n'),
  options: { on: { type: 'string' }, json: { type: 'boolean' } },
  readOnly: false,
  async run({ dataDir, args, options, out, now }) {
    const [id, ...extra] = args
    if (id === undefined || id.trim() === '')
      throw new UsageError('rapport done: say which follow-up, by the id “rapport today” prints.')
    if (extra.length > 0) throw new UsageError(`rapport done: one id at a time (“${extra[0]}” is extra).`)
    const on = typeof options.on === 'string' ? localDay(pastMoment(options.on, now, 'rapport done')) : undefined
    const done = await withJournal(dataDir, { mode: 'write', mustExist: true, now }, async ({ call }) => {
      const followUp = await call('completeFollowUp', { id: id.trim(), ...(on === undefined ? {} : { on }) })
      const person = (await call('getPersonPage', { id: followUp.personId })).person
      return { followUp, person }
    })
    const { followUp } = done
    if (options.json) out.json(followUp)
    else
      out.line(
        `Done: ${followUpText(followUp, done.person.name)} (due ${followUp.dueDate}, done ${followUp.completedOn}${followUp.completedOn! > followUp.dueDate ? ', late' : ''}).`
      )
    return EXIT_OK
  }
}
