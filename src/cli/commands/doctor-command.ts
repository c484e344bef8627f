/** rapport doctor: checks the journal and its backups and reports what is wrong, changing nothing. */
import { stat } from 'node:fs/promises'
import { EXIT_OK, EXIT_PROBLEM, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { JournalSession } from '../../core/journal/journal-session.ts'
import { journalPath, noJournal } from '../journal-access.ts'
import { count } from '../output.ts'

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'check the journal and its backups, changing nothing',
  usage: 'rapport doctor [--json]',
  help: [
    'Checks that journal.json reads as a valid journal, that every backup could be restored, and looks for',
    'a lock left by a process that stopped, files left by interrupted saves, and (on macOS and Linux) files',
    'other users could read. Reports each finding and changes nothing, so it is safe while Rapport is open.',
    'Exits 0 when there are no problems and 1 when there are.',
    '',
    'Options:',
    '  --json   print {healthy, folder, findings: [{level, text}]} (level: ok, note or problem)'
  ].join('\n'),
  options: { json: { type: 'boolean' } },
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
    // Read-only: no lock taken, nothing written, so it is safe while Rapport has the journal open.
    const session = await JournalSession.open(dataDir, { owner: 'cli', readOnly: true })
    const findings = await session.health().finally(() => session.close())
    const problems = findings.filter((finding) => finding.level === 'problem').length
    if (options.json) {
      out.json({ healthy: problems === 0, folder: dataDir, findings })
    } else {
      out.line(`Checking ${dataDir}`)
      for (const finding of findings) out.line(`${finding.level.padEnd(8)} ${finding.text}`)
      out.line()
      out.line(problems === 0 ? 'No problems found.' : `${count(problems, 'problem')} found. Nothing was changed.`)
    }
    return problems === 0 ? EXIT_OK : EXIT_PROBLEM
  }
}
