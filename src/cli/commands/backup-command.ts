/** rapport backup: a 'manual' backup of the journal's exact bytes into backups/, beside the app's own. */
import { readFile, stat } from 'node:fs/promises'
import { backupsFolder, BACKUP_POLICY, writeBackup } from '../../core/journal/backups.ts'
import { EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { journalPath, noJournal } from '../journal-snapshot.ts'
import { withJournal } from '../open-session.ts'

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
    const path = journalPath(dataDir)
    // Opening for writing would create an empty journal; a backup of nothing helps no one.
    if (!(await stat(path).then(() => true, () => false))) throw noJournal(path)
    const name = await withJournal(dataDir, async ({ session }) => writeBackup(session.path, 'manual', await readFile(session.path), now))
    out.line(`Saved ${name} in ${backupsFolder(path)}.`)
    return EXIT_OK
  }
}
