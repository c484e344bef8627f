/** rapport add: a new person, with what is known of them so far. */
import { foldKey } from '../../shared/fold-key.ts'
import type { NewPerson } from '../../shared/schema/person.ts'
import { CliError, EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command, OptionValues } from '../command.ts'
import { withJournal } from '../journal-access.ts'

const FIELDS = ['company', 'role', 'email', 'phone', 'location'] as const

export const addCommand: Command = {
  name: 'add',
  summary: 'add a person',
  usage:
    'rapport add <name> [--company <c>] [--role <r>] [--email <e>] [--phone <p>] [--location <l>] [--tag <t>]… [--cadence <days>] [--json]',
  help: [
    'Adds a person to the journal. Someone of the same name (case and accents aside) already there is not',
    'added twice: the command stops and says so, unless --duplicate says this is another person.',
    '',
    'Options:',
    '  --company, --role, --email, --phone, --location <text>   their details',
    '  --tag <tag>        a tag; repeat for more (--tag champion --tag "Q1 renewal")',
    '  --cadence <days>   keep in touch every so many days (1–365)',
    '  --duplicate        add them even though someone of that name is already in the journal',
    '  --json             print the new person as JSON'
  ].join('\n'),
  options: {
    ...Object.fromEntries(FIELDS.map((field) => [field, { type: 'string' as const }])),
    tag: { type: 'string', multiple: true },
    cadence: { type: 'string' },
    duplicate: { type: 'boolean' },
    json: { type: 'boolean' }
  },
  readOnly: false,
  async run({ dataDir, args, options, out, now }) {
    const name = args.join(' ').trim()
    if (name === '') throw new UsageError('rapport add: say who, as in “rapport add "Ana García" --company Acme”.')
    const person: NewPerson = { name, ...details(options) }
    // Checked before the lock is taken, so a refusal changes nothing at all.
    const namesake = await withJournal(dataDir, { mode: 'read', mustExist: false, now }, async ({ call }) =>
      (await call('listPeople', {})).find((p) => foldKey(p.name) === foldKey(name))
    )
    if (namesake && options.duplicate !== true) {
      throw new CliError(
        `${namesake.name}${namesake.company ? ` (${namesake.company})` : ''} is already in the journal; nothing was added. Add --duplicate if this is another person.`
      )
    }
    const added = await withJournal(dataDir, { mode: 'write', mustExist: false, now }, ({ call }) =>
      call('createPerson', { person })
    )
    if (options.json) out.json(added)
    else out.line(`Added ${added.name}${added.company ? ` (${added.company})` : ''}. Id: ${added.id}`)
    return EXIT_OK
  }
}

function details(options: OptionValues): Omit<NewPerson, 'name'> {
  const person: Omit<NewPerson, 'name'> = {}
  for (const field of FIELDS) if (typeof options[field] === 'string') person[field] = options[field]
  if (Array.isArray(options.tag)) person.tags = options.tag
  if (options.cadence !== undefined) {
    const days = Number(options.cadence)
    if (!/^\d+$/.test(String(options.cadence)) || days < 1 || days > 365)
      throw new UsageError(
        `rapport add: --cadence is a number of days from 1 to 365, not “${String(options.cadence)}”.`
      )
    person.cadenceDays = days
  }
  return person
}
