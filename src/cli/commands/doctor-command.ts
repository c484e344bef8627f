/** rapport doctor: checks the journal and its backups and reports what is wrong, changing nothing. */
import { stat } from 'node:fs/promises'
import { CliError, EXIT_OK, EXIT_PROBLEM, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { journalPath, noJournal, unlocked } from '../journal-access.ts'
import { count } from '../output.ts'
import { describeReleased, JournalLocked, JournalSession, releaseLock } from '../../core/journal/journal-session.ts'

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'check the journal and its backups, changing nothing',
  usage: 'rapport doctor [--json] [--release-lock]',
  help: [
    'Checks that journal.json reads as a valid journal, that every backup could be restored, and looks for',
    'a lock left by a process that stopped, files left by interrupted saves, and (on macOS and Linux) files',
    'other users could read. Reports each finding and changes nothing (but for --release-lock), so it is',
    'safe while Rapport is open.',
    'Exits 0 when there are no problems and 1 when there are.',
    '',
    'Options:',
    '  --json           print {healthy, folder, findings: [{level, text}]} (level: ok, note or problem)',
    '  --release-lock   remove the journal’s lock first, unless the Rapport that took it is running here.',
    '                   For a lock Rapport cannot judge: one naming a process that runs but may be another',
    '                   program that got its number after Rapport stopped, or one taken on another computer',
    '                   (a synced folder) where Rapport is no longer open. Close Rapport everywhere first.'
  ].join('\n'),
  options: { json: { type: 'boolean' }, 'release-lock': { type: 'boolean' } },
  readOnly: true,
  async run({ dataDir, args, options, out }) {
    if (args.length > 0) throw new UsageError(`rapport doctor: takes no arguments (“${args[0]}” is extra).`)
    const path = journalPath(dataDir)
    if (
      !(await stat(dataDir).then(
        (info) => info.isDirectory(),
        () => false
      ))
    )
      throw noJournal(path)
    const released = options['release-lock'] ? await releaseTheLock(path) : null
    // Read-only: no lock taken, nothing written, so it is safe while Rapport has the journal open.
    const session = await JournalSession.open(dataDir, { owner: 'cli', readOnly: true })
    // A protected journal's contents are checked once unlocked (the passphrase as every command takes it).
    const findings = await unlocked(session)
      .then(() => session.health())
      .finally(() => session.close())
    const problems = findings.filter((finding) => finding.level === 'problem').length
    if (options.json) {
      out.json({ healthy: problems === 0, folder: dataDir, ...(released === null ? {} : { released }), findings })
    } else {
      if (released !== null) out.line(released)
      out.line(`Checking ${dataDir}`)
      for (const finding of findings) out.line(`${finding.level.padEnd(8)} ${finding.text}`)
      out.line()
      const nothing = released?.startsWith('Released') ? 'Nothing else was changed.' : 'Nothing was changed.'
      out.line(problems === 0 ? 'No problems found.' : `${count(problems, 'problem')} found. ${nothing}`)
    }
    return problems === 0 ? EXIT_OK : EXIT_PROBLEM
  }
}

/** The user's way out of a lock: removed unless the very Rapport that took it runs here; says what it was. */
async function releaseTheLock(journal: string): Promise<string> {
  let holder
  try {
    holder = await releaseLock(`${journal}.lock`)
  } catch (error) {
    if (error instanceof JournalLocked) throw new CliError(`${error.message} The lock was left alone.`)
    throw error
  }
  if (!holder) return 'There is no lock on the journal: nothing to release.'
  return `Released journal.json.lock: ${describeReleased(holder)}.`
}
