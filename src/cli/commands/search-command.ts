/** rapport search: the app's quick-switcher search over the whole journal, as text or JSON. */
import type { SearchResponse } from '../../shared/search.ts'
import { RapportError } from '../../core/rapport-error.ts'
import { EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { withJournal } from '../journal-access.ts'
import { oneLine } from '../output.ts'
import type { Output } from '../output.ts'
import { searchRows } from '../search-rows.ts'

const KIND_LABELS = {
  person: 'person',
  conversation: 'conversation',
  interest: 'interest',
  challenge: 'challenge',
  followUp: 'follow-up'
} as const

export const searchCommand: Command = {
  name: 'search',
  summary: 'search people, conversations, interests, challenges and follow-ups',
  usage: 'rapport search <query> [--json] [--limit <people>]',
  help: [
    'Searches the journal the way the app’s quick switcher does: names first, then everything else,',
    'accents and small typos forgiven. Works while Rapport is open.',
    '',
    'Options:',
    '  --json             print a JSON array, best first, of {kind, id, personId, personName, title, snippet}',
    '                     (kind: person, conversation, interest, challenge or followUp)',
    '  --limit <people>   how many people to show, 1–100 (default 20); each with up to 3 matches'
  ].join('\n'),
  options: { json: { type: 'boolean' }, limit: { type: 'string' } },
  readOnly: true,
  async run({ dataDir, args, options, out, now }) {
    const text = args.join(' ').trim()
    if (text === '') throw new UsageError('rapport search: say what to search for, as in “rapport search pricing”.')
    const limit = parseLimit(options.limit)
    const query = { text, ...(limit === undefined ? {} : { limit }) }
    const response = await withJournal(dataDir, { mode: 'read', mustExist: true, now }, ({ call }) =>
      call('search', { query }).catch((error: unknown) => {
        // The contract refused the query (too long, say): the command line is what was wrong.
        if (error instanceof RapportError && error.code === 'invalid-input')
          throw new UsageError(`rapport search: ${error.message}`)
        throw error
      })
    )
    if (options.json) out.json(searchRows(response))
    else printResults(out, text, response)
    return EXIT_OK
  }
}

function parseLimit(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined
  const limit = Number(value)
  if (typeof value === 'string' && /^\d+$/.test(value) && limit >= 1 && limit <= 100) return limit
  throw new UsageError(`rapport search: --limit must be a whole number from 1 to 100, not “${String(value)}”.`)
}

function printResults(out: Output, text: string, response: SearchResponse): void {
  if (response.groups.length === 0) {
    out.line(`Nothing matches “${text}”.`)
    return
  }
  for (const [i, group] of response.groups.entries()) {
    if (i > 0) out.line()
    const about = [group.role, group.company].filter(Boolean).join(', ')
    out.line(about ? `${group.personName} (${about})` : group.personName)
    for (const hit of group.hits) {
      const day = hit.day && hit.kind !== 'person' ? ` · ${hit.day}` : ''
      out.line(`  ${KIND_LABELS[hit.kind].padEnd(13)}${oneLine(hit.title)}${day}`)
      if (hit.snippet) out.line(`  ${''.padEnd(13)}${oneLine(hit.snippet)}`)
    }
  }
}
