/** rapport backup: a 'manual' backup of the journal's exact bytes into backups/, beside the app's own. */
import { BACKUP_POLICY } from '../../core/journal/journal-session.ts'
import { EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { withJournal } from '../journal-access.ts'

export const backupCommand: Command = {
  name: 'backup',
  summary: 'save a backup of the journal into its backups folder',
  usage: 'rapport backup',
  help: [
    `Saves the journal as it is now as backups/manual-<time>.json (the newest ${BACKUP_POLICY.manual} manual backups are kept).`,
    'The app lists it with its own backups and can restore it. Takes the journal’s lock, so Rapport must be',
    'closed.'
  ].join('\n'),
  options: {},
  readOnly: false,
  async run({ dataDir, args, out, now }) {
    if (args.length > 0) throw new UsageError(`rapport backup: takes no arguments (“${args[0]}” is extra).`)
    // A journal must be there: a backup of nothing helps no one.
    const { name, folder } = await withJournal(
      dataDir,
      { mode: 'write', mustExist: true, now },
      async ({ call, session }) => ({
        name: (await call('backupNow', {})).name,
        folder: session.backupsFolder
      })
    )
    out.line(`Saved ${name} in ${folder}.`)
    return EXIT_OK
  }
}
