/**
 * rapport passphrase set|change|remove: protects the journal with a passphrase, changes it, or takes it off
 * (docs/encryption.md). Passphrases come from files or a prompt that does not echo, never from the command
 * line (passphrase-input.ts).
 */
import { EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { withJournal } from '../journal-access.ts'
import { askTwice, passphraseSource } from '../passphrase-input.ts'

const NO_RECOVERY =
  'There is no recovery without the passphrase: Rapport keeps no copy of it, and no one can open the journal or its backups without it.'

export const passphraseCommand: Command = {
  name: 'passphrase',
  summary: 'protect the journal with a passphrase, change it, or take it off',
  usage: 'rapport passphrase set|change|remove',
  help: [
    'set      encrypts the journal, its change log, backups and search index with a new passphrase',
    'change   asks for the current passphrase, then the new one',
    'remove   asks for the passphrase, then writes everything in clear again',
    '',
    NO_RECOVERY,
    '',
    'The passphrase (for “set”, the new one) is read from --passphrase-file or RAPPORT_PASSPHRASE_FILE, or',
    'asked for at the terminal without echo; “change” reads the new one from --new-passphrase-file or',
    'RAPPORT_NEW_PASSPHRASE_FILE, or asks twice. Options:',
    '  --new-passphrase-file <file>   the new passphrase, for “change”',
    '  --no-recovery-understood        for “set” without a terminal: you have read the line above',
    'A wrong passphrase exits with status 2 and changes nothing. Takes the journal’s lock, so Rapport must be',
    'closed.'
  ].join('\n'),
  options: {
    'new-passphrase-file': { type: 'string' },
    'no-recovery-understood': { type: 'boolean' }
  },
  readOnly: false,
  async run({ dataDir, args, options, out, now }) {
    const [action, extra] = args
    if (extra !== undefined) throw new UsageError(`rapport passphrase: “${extra}” is extra.`)
    if (action !== 'set' && action !== 'change' && action !== 'remove')
      throw new UsageError('rapport passphrase: say set, change or remove, as in “rapport passphrase set”.')
    const source = passphraseSource(options, process.env)
    const message = await withJournal(dataDir, { mode: 'write', mustExist: true, now }, async ({ call, session }) => {
      const status = await session.status()
      const on = status.state === 'ready' && status.protected
      if (action === 'set') {
        if (on)
          throw new UsageError('rapport passphrase: the journal already has one; use “rapport passphrase change”.')
        if (!options['no-recovery-understood'] && !(await source.confirm(`${NO_RECOVERY}\nType “yes” to go on: `)))
          throw new UsageError(`rapport passphrase: ${NO_RECOVERY} Nothing was changed; say --no-recovery-understood.`)
        const passphrase = hasFile(options) ? await source.current(session.path) : await askTwice('New passphrase: ')
        await call('setPassphrase', { passphrase, noRecovery: true })
        return 'The journal, its change log, backups and search index are encrypted now.'
      }
      if (!on) throw new UsageError('rapport passphrase: the journal has no passphrase.')
      if (action === 'change') {
        await call('setPassphrase', { passphrase: await source.fresh(), noRecovery: true })
        return 'The passphrase is changed: every file of the journal opens with the new one only.'
      }
      await call('removePassphrase', {})
      return 'The passphrase is off: the journal, its change log, backups and search index are in clear again.'
    })
    out.line(message)
    return EXIT_OK
  }
}

function hasFile(options: Record<string, unknown>): boolean {
  return typeof options['passphrase-file'] === 'string' || Boolean(process.env.RAPPORT_PASSPHRASE_FILE)
}
