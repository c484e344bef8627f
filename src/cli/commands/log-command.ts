/** rapport log: a conversation with someone, its notes from the command line or from stdin. */
import { text } from 'node:stream/consumers'
import { CHANNEL_LABELS } from '../../shared/labels.ts'
import { CHANNELS } from '../../shared/choices.ts'
import type { Channel } from '../../shared/choices.ts'
import { localDay } from '../../core/days.ts'
import { EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { withJournal } from '../journal-access.ts'
import { oneLine } from '../output.ts'
import { findPerson } from '../person-match.ts'
import { pastMoment } from '../when.ts'

const TITLE_LENGTH = 80

export const logCommand: Command = {
  name: 'log',
  summary: 'log a conversation with someone',
  usage: 'rapport log <name> [<notes>… | -] [--channel <channel>] [--date <when>] [--title <title>] [--json]',
  help: [
    'Logs a conversation with the person the name matches (found as “rapport brief” finds them). The notes',
    'are the words after the name, or stdin with “-” (Markdown, as in the app). Without --title, the title is',
    'the notes’ first line.',
    '',
    'Options:',
    `  --channel <channel>   ${CHANNELS.join(', ')} (default: call)`,
    '  --date <when>         when it happened (default: now): “yesterday”, “mon”, “2 days ago”, “dec 6”,',
    '                        2026-11-20 or “2026-11-20 15:30”; a weekday is the last one',
    '  --title <title>       the conversation’s title',
    '  --json                print the logged conversation as JSON',
    '',
    'Example: echo "Wants two options." | rapport log "Ana García" - --channel meeting --date yesterday'
  ].join('\n'),
  options: {
    channel: { type: 'string' },
    date: { type: 'string' },
    title: { type: 'string' },
    json: { type: 'boolean' }
  },
  readOnly: false,
  async run({ dataDir, args, options, out, now }) {
    const [name, ...words] = args
    if (name === undefined || name.trim() === '')
      throw new UsageError('rapport log: say with whom, as in “rapport log "Ana García" "Talked pricing."”.')
    const channel = channelOf(options.channel)
    const date = typeof options.date === 'string' ? pastMoment(options.date, now, 'rapport log') : now
    // Notes are read before the journal is opened, so a slow pipe never holds the lock.
    const body = words.length === 1 && words[0] === '-' ? await text(process.stdin) : words.join(' ')
    const title = typeof options.title === 'string' ? options.title : titleOf(body, channel, name)
    // Found before the lock is taken, so a name that fits no one (or several) changes nothing at all.
    const person = await withJournal(dataDir, { mode: 'read', mustExist: true, now }, (journal) =>
      findPerson(journal, name)
    )
    const { conversation } = await withJournal(dataDir, { mode: 'write', mustExist: true, now }, ({ call }) =>
      call('logConversation', {
        conversation: { personIds: [person.id], date: date.toISOString(), channel, title, body },
        followUps: []
      })
    )
    if (options.json) out.json(conversation)
    else
      out.line(
        `Logged ${CHANNEL_LABELS[channel].toLowerCase()} with ${person.name} on ${localDay(date)}: “${conversation.title}”. Id: ${conversation.id}`
      )
    return EXIT_OK
  }
}

function channelOf(value: unknown): Channel {
  if (value === undefined) return 'call'
  const typed = typeof value === 'string' ? value : JSON.stringify(value)
  const channel = CHANNELS.find((c) => c === typed.toLowerCase())
  if (!channel) throw new UsageError(`rapport log: --channel is one of ${CHANNELS.join(', ')}; not “${typed}”.`)
  return channel
}

/** The notes' first line without its Markdown marks, shortened; "Call with Ana" when there are no notes. */
function titleOf(body: string, channel: Channel, name: string): string {
  const first = body
    .split(/\r\n|\r|\n/)
    .map((line) => oneLine(line.replace(/^\s*(#{1,6}|[-*+>]|\d+[.)])\s+(\[.\]\s+)?/, '').replace(/[*_`]/g, '')))
    .find(Boolean)
  if (!first) return `${CHANNEL_LABELS[channel]} with ${name.trim()}`
  return first.length <= TITLE_LENGTH ? first : `${first.slice(0, TITLE_LENGTH - 1).trimEnd()}…`
}
