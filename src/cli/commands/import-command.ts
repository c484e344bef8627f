/**
 * rapport import: contacts from a vCard or CSV file, or a Rapport JSON export merged in by id. Files are
 * read and checked before the journal is opened, so a bad file changes nothing; --dry-run only reads.
 */
import { readFile } from 'node:fs/promises'
import { basename, extname, resolve } from 'node:path'
import { emptyJournal } from '../../shared/schema/journal.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import type { ContactCandidate } from '../../core/transfer/contact-candidate.ts'
import { csvCandidates, guessMapping, MAPPED_FIELDS, parseCsv } from '../../core/transfer/csv.ts'
import type { ColumnMapping } from '../../core/transfer/csv.ts'
import { applyImport, planImport } from '../../core/transfer/import-plan.ts'
import type { ImportAction } from '../../core/transfer/import-plan.ts'
import { applyMerge, describeMerge, planMerge, readJournalExport } from '../../core/transfer/journal-transfer.ts'
import { parseVCards } from '../../core/transfer/vcard.ts'
import { CliError, EXIT_OK, UsageError } from '../cli-error.ts'
import type { Command } from '../command.ts'
import { describeFsError } from '../fs-errors.ts'
import { journalPath, NoJournal, readJournalSnapshot } from '../journal-snapshot.ts'
import { withJournal } from '../open-session.ts'
import type { Output } from '../output.ts'

type FileKind = 'vcard' | 'csv' | 'journal'

const KINDS: Record<string, FileKind> = { '.vcf': 'vcard', '.vcard': 'vcard', '.csv': 'csv', '.json': 'journal' }
const NAMES_SHOWN = 20

export const importCommand: Command = {
  name: 'import',
  summary: 'import contacts (.vcf, .csv) or merge a Rapport export (.json)',
  usage: 'rapport import <file.vcf|file.csv|file.json> [--dry-run]',
  help: [
    '.vcf, .csv   adds each contact as a person. Someone already in the journal (same email, or same name',
    '             and company) is merged: empty fields filled in, missing tags added, nothing overwritten.',
    '             A contact twice in the file is imported once. CSV columns are matched by their headers',
    '             (Google, Outlook, LinkedIn and most spreadsheets); the columns used are printed.',
    '.json        merges a Rapport export (“rapport export json”, or a backup) by id: new entries are',
    '             added, an entry in both keeps the newer version, nothing is deleted. The journal as it',
    '             was is saved to backups/ first.',
    '',
    'A file with a problem imports nothing and says which line is wrong.',
    'Takes the journal’s lock, so Rapport must be closed (except with --dry-run).',
    '',
    'Options:',
    '  --dry-run   show what would be added, merged and skipped, and change nothing'
  ].join('\n'),
  options: { 'dry-run': { type: 'boolean' } },
  readOnly: false,
  async run({ dataDir, args, options, out, now }) {
    const [file, ...extra] = args
    if (file === undefined || file === '') throw new UsageError('rapport import: say which file, as in “rapport import contacts.vcf”.')
    if (extra.length > 0) throw new UsageError(`rapport import: one file at a time (“${extra[0]}” is extra).`)
    const kind = KINDS[extname(file).toLowerCase()]
    if (!kind) throw new CliError(`Rapport imports .vcf, .csv and .json files; “${basename(file)}” is none of these.`)
    const bytes = await readFile(resolve(file)).catch((error: unknown) => {
      throw new CliError(`Cannot read ${file}: ${describeFsError(error)}.`)
    })
    const dryRun = options['dry-run'] === true
    if (kind === 'journal') return mergeExport(dataDir, readJournalExport(bytes), dryRun, out, now)
    const candidates = kind === 'vcard' ? parseVCards(bytes) : csvContacts(bytes, out)
    return importContacts(dataDir, candidates, dryRun, out, now)
  }
}

function csvContacts(bytes: Uint8Array, out: Output): ContactCandidate[] {
  const parsed = parseCsv(bytes)
  const mapping = guessMapping(parsed.headers, parsed.rows)
  const candidates = csvCandidates(parsed, mapping)
  out.line(`Columns: ${describeMapping(parsed.headers, mapping)}`)
  return candidates
}

function describeMapping(headers: readonly string[], mapping: ColumnMapping): string {
  return MAPPED_FIELDS.filter((field) => mapping[field] !== undefined)
    .map((field) => `${field} ← “${headers[mapping[field]!]}”`)
    .join(', ')
}

async function importContacts(dataDir: string, candidates: ContactCandidate[], dryRun: boolean, out: Output, now: Date): Promise<number> {
  if (dryRun) {
    const plan = planImport(await currentJournal(dataDir), candidates)
    for (const item of plan.items) out.line(`${item.action.padEnd(6)} ${item.candidate.name} (line ${item.candidate.line}): ${item.reason}`)
    const counted = (action: ImportAction) => plan.items.filter((item) => item.action === action).length
    out.line(`Would add ${counted('add')}, merge ${counted('merge')}, skip ${counted('skip')}. Nothing was changed (--dry-run).`)
    return EXIT_OK
  }
  const result = await withJournal(dataDir, ({ store }) => applyImport(store, planImport(store.journal, candidates), now))
  out.line(summaryLine('Added', result.names.added))
  out.line(summaryLine('Merged', result.names.merged))
  out.line(summaryLine('Skipped', result.names.skipped))
  return EXIT_OK
}

async function mergeExport(dataDir: string, incoming: Journal, dryRun: boolean, out: Output, now: Date): Promise<number> {
  if (dryRun) {
    out.line(describeMerge(planMerge(await currentJournal(dataDir), incoming).summary))
    out.line('Nothing was changed (--dry-run).')
    return EXIT_OK
  }
  const result = await withJournal(dataDir, ({ store }) => applyMerge(store, planMerge(store.journal, incoming), now))
  out.line(describeMerge(result.summary))
  if (result.backup) out.line(`Merged into ${journalPath(dataDir)}. The journal as it was is saved as backups/${result.backup}.`)
  return EXIT_OK
}

/** The journal a dry run plans against, read without the lock; a journal not made yet is an empty one. */
async function currentJournal(dataDir: string): Promise<Journal> {
  try {
    return (await readJournalSnapshot(dataDir)).journal
  } catch (error) {
    if (error instanceof NoJournal) return emptyJournal()
    throw error
  }
}

/** "Added 3: Ana García, Liam O'Brien, 王伟", shortened after 20 names. */
function summaryLine(label: string, names: readonly string[]): string {
  if (names.length === 0) return `${label} 0`
  const shown = names.slice(0, NAMES_SHOWN).join(', ')
  const more = names.length > NAMES_SHOWN ? ` and ${(names.length - NAMES_SHOWN).toLocaleString('en')} more` : ''
  return `${label} ${names.length.toLocaleString('en')}: ${shown}${more}`
}
