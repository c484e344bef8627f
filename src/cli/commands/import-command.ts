/**
 * rapport import: contacts from a vCard or CSV file, or a Rapport JSON export merged in by id. Files are
 * read and checked before the journal is opened, so a bad file changes nothing; --dry-run only reads.
 */
import { access, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { describeFileKind, describeFsError } from '../../core/fs-errors.ts'
import { importKindOf } from '../../shared/transfer.ts'
import type { ImportPreview } from '../../shared/transfer.ts'
import { CliError, EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { journalPath, withJournal } from '../journal-access.ts'
import type { CliJournal } from '../journal-access.ts'
import type { Output } from '../output.ts'
import { describeMapping, printItem, printNotes, printNotices, printSkipped } from '../import-report.ts'

const NAMES_SHOWN = 20

export const importCommand: Command = {
  name: 'import',
  summary: 'import contacts (.vcf, .csv) or merge a Rapport export (.json)',
  usage: 'rapport import <file.vcf|file.csv|file.json> [--dry-run] [--json]',
  help: [
    '.vcf, .csv   adds each contact as a person, with every email and phone it has. Someone already in',
    '             the journal (same email and a name that fits, or same name and company) is merged: empty',
    '             fields filled in, missing emails, phones and tags added, nothing overwritten. A contact',
    '             twice in the file is imported once. The same email under another name is added and',
    '             listed as a possible duplicate. A contact with no name is named after its company,',
    '             email or phone, and listed. CSV columns are matched by their headers (Google, Outlook,',
    '             LinkedIn and most spreadsheets); the columns used are printed.',
    '.json        merges a Rapport export (“rapport export json”, or a backup) by id: new entries are',
    '             added, an entry in both keeps the newer version, nothing is deleted. The journal as it',
    '             was is saved to backups/ first.',
    '',
    'Each record that cannot be read (no name, company, email or phone; a value too long) is left out',
    'and listed with its line, the reason and its text; the rest is imported. A file in which no record',
    'can be read imports nothing and says which line is wrong.',
    'Takes the journal’s lock, so Rapport must be closed (except with --dry-run).',
    '',
    'Options:',
    '  --dry-run   show what would be added, merged and skipped, and change nothing',
    '  --json      print the preview (with --dry-run) or what was imported as JSON'
  ].join('\n'),
  options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  readOnly: false,
  async run({ dataDir, args, options, out, now }) {
    const [file, ...extra] = args
    if (file === undefined || file === '')
      throw new UsageError('rapport import: say which file, as in “rapport import contacts.vcf”.')
    if (extra.length > 0) throw new UsageError(`rapport import: one file at a time (“${extra[0]}” is extra).`)
    if (!importKindOf(file))
      throw new CliError(`Rapport imports .vcf, .csv and .json files; “${basename(file)}” is none of these.`)
    const path = resolve(file)
    await readable(path).catch((error: unknown) => {
      throw new CliError(`Cannot read ${file}: ${error instanceof NotAFile ? error.message : describeFsError(error)}.`)
    })
    // The file is read and planned without the lock first, so a bad file changes nothing, not even a backup.
    const picks = { file: path }
    const dryRun = options['dry-run'] === true
    const preview = await withJournal(
      dataDir,
      { mode: 'read', changes: !dryRun, mustExist: false, now, picks },
      previewOf
    )
    if (dryRun && options.json) {
      // The token only means something inside this run.
      const { token: _, ...plan } = preview
      out.json(plan)
      return EXIT_OK
    }
    if (preview.kind === 'contacts' && !options.json) {
      if (preview.csv) out.line(`Columns: ${describeMapping(preview.csv)}`)
      printNotices(preview, out)
    }
    if (dryRun) {
      printPlan(preview, out)
      return EXIT_OK
    }
    await withJournal(dataDir, { mode: 'write', mustExist: false, now, picks }, async (journal) => {
      const outcome = await journal.call('importApply', { token: (await previewOf(journal)).token, mode: 'merge' })
      if (options.json) {
        out.json(outcome)
        return
      }
      if (outcome.kind === 'contacts' && preview.kind === 'contacts') {
        out.line(summaryLine('Added', outcome.added))
        out.line(summaryLine('Merged', outcome.merged))
        if (outcome.skipped.length > 0) out.line(summaryLine('Skipped', outcome.skipped))
        printSkipped(preview.skipped, out)
        printNotes(preview, out)
        return
      }
      if (outcome.kind === 'contacts') return
      out.line(outcome.description)
      if (outcome.backup)
        out.line(`Merged into ${journalPath(dataDir)}. The journal as it was is saved as backups/${outcome.backup}.`)
    })
    return EXIT_OK
  }
}

/**
 * Fails as reading would (a missing file, a folder, no permission), without reading the file yet. A pipe
 * is refused too: the file is read twice (a plan, then the import), and the second read would wait forever.
 */
async function readable(path: string): Promise<void> {
  const info = await stat(path)
  if (info.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' })
  if (!info.isFile())
    throw new NotAFile(`it is ${describeFileKind(info)}, not a file. Save the contacts to a file and import that`)
  await access(path)
}

class NotAFile extends Error {}

async function previewOf({ call }: CliJournal): Promise<ImportPreview> {
  const picked = await call('importPick', {})
  if (picked.canceled) throw new CliError('internal: the file to import was not given to the import.')
  return picked.preview
}

function printPlan(preview: ImportPreview, out: Output): void {
  if (preview.kind === 'journal') {
    out.line(preview.description)
    out.line('Nothing was changed (--dry-run).')
    return
  }
  for (const item of preview.items) printItem(item, out)
  printSkipped(preview.skipped, out)
  const counted = (action: string) => preview.items.filter((item) => item.action === action).length
  const notRead = preview.skipped.length > 0 ? `, leave out ${preview.skipped.length} not read` : ''
  out.line(
    `Would add ${counted('add')}, merge ${counted('merge')}, skip ${counted('skip')}${notRead}. Nothing was changed (--dry-run).`
  )
}

/** "Added 3: Ana García, Liam O'Brien, 王伟", shortened after 20 names. */
function summaryLine(label: string, names: readonly string[]): string {
  if (names.length === 0) return `${label} 0`
  const shown = names.slice(0, NAMES_SHOWN).join(', ')
  const more = names.length > NAMES_SHOWN ? ` and ${(names.length - NAMES_SHOWN).toLocaleString('en')} more` : ''
  return `${label} ${names.length.toLocaleString('en')}: ${shown}${more}`
}
