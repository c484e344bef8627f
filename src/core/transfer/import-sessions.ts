/**
 * Imports happen in two steps: a preview the user can adjust, then apply. The parsed file and its plan stay
 * here in main between the two (the renderer only sees a summary and a token), so what is applied is
 * exactly what was previewed and checked.
 */
import { randomUUID } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { describeFileKind } from '../fs-errors.ts'
import { basename, extname } from 'node:path'
import { importKindOf } from '../../shared/transfer.ts'
import type {
  ColumnMapping,
  ContactPreviewItem,
  ImportAction,
  ImportOutcome,
  ImportPreview
} from '../../shared/transfer.ts'
import type { ContactRead } from './contact-candidate.ts'
import { columnExamples, csvCandidates, guessMapping, parseCsv } from './csv.ts'
import type { ParsedCsv } from './csv.ts'
import { applyImport, planImport } from './import-plan.ts'
import type { ImportPlan } from './import-plan.ts'
import type { JournalStore } from '../journal/journal-store.ts'
import { applyMerge, applyReplace, isEmptyJournal, planMerge, readJournalExport } from './journal-transfer.ts'
import { describeMerge } from './transfer-words.ts'
import type { MergePlan } from './journal-transfer.ts'
import { RapportError } from '../rapport-error.ts'
import { parseVCards } from './vcard.ts'

const MAX_BYTES = 50 * 1024 * 1024

type Pending =
  | {
      kind: 'contacts'
      fileName: string
      format: 'vcard' | 'csv'
      read: ContactRead
      plan: ImportPlan
      csv: ParsedCsv | null
      mapping: ColumnMapping
    }
  | { kind: 'journal'; fileName: string; plan: MergePlan }

export class ImportSessions {
  #pending = new Map<string, Pending>()

  /** Reads and plans the file at `path`; nothing in the journal changes. */
  async preview(store: JournalStore, path: string): Promise<ImportPreview> {
    // A pipe or a device would be waited on (or read forever): only a file is imported, and it is read twice.
    const info = await stat(path).catch(() => null)
    if (info && !info.isFile())
      throw new RapportError('invalid-input', `${basename(path)} is ${describeFileKind(info)}, not a file.`)
    const bytes = await readFile(path).catch((error: unknown) => {
      throw new RapportError('not-found', `Rapport could not read ${basename(path)}: ${(error as Error).message}`)
    })
    if (bytes.length > MAX_BYTES)
      throw new RapportError(
        'invalid-input',
        `${basename(path)} is larger than 50 MB; that is not a contacts or Rapport file.`
      )
    const kind = importKindOf(path)
    const fileName = basename(path)
    let pending: Pending
    if (kind === 'vcard') {
      const read = parseVCards(bytes)
      pending = {
        kind: 'contacts',
        fileName,
        format: 'vcard',
        read,
        plan: planImport(store.journal, read.candidates),
        csv: null,
        mapping: []
      }
    } else if (kind === 'csv') {
      const csv = parseCsv(bytes)
      const mapping = guessMapping(csv.headers, csv.rows)
      const read = csvCandidates(csv, mapping)
      pending = {
        kind: 'contacts',
        fileName,
        format: 'csv',
        read,
        plan: planImport(store.journal, read.candidates),
        csv,
        mapping
      }
    } else if (kind === 'journal') {
      pending = { kind: 'journal', fileName, plan: planMerge(store.journal, readJournalExport(bytes, store.key)) }
    } else {
      throw new RapportError(
        'invalid-input',
        `Rapport imports contacts (.vcf, .csv) and its own backups (.json), not ${extname(path).toLowerCase() || 'files without an extension'}.`
      )
    }
    const token = randomUUID()
    this.#pending.set(token, pending)
    return this.#describe(token, pending, store)
  }

  /** The CSV mapping step: plans again with the columns the user chose. */
  remap(store: JournalStore, token: string, mapping: ColumnMapping): ImportPreview {
    const pending = this.#get(token)
    if (pending.kind !== 'contacts' || !pending.csv)
      throw new RapportError('invalid-input', 'Only a CSV file has columns to map.')
    if (mapping.length !== pending.csv.headers.length)
      throw new RapportError(
        'invalid-input',
        `This file has ${pending.csv.headers.length} columns; the mapping names ${mapping.length}.`
      )
    const read = csvCandidates(pending.csv, mapping)
    const next: Pending = { ...pending, mapping, read, plan: planImport(store.journal, read.candidates) }
    this.#pending.set(token, next)
    return this.#describe(token, next, store)
  }

  async apply(
    store: JournalStore,
    token: string,
    now: Date,
    decisions: Record<string, ImportAction> = {},
    mode: 'merge' | 'replace' = 'merge'
  ): Promise<ImportOutcome> {
    const pending = this.#get(token)
    let outcome: ImportOutcome
    if (pending.kind === 'contacts') {
      const result = await applyImport(
        store,
        pending.plan,
        now,
        Object.fromEntries(Object.entries(decisions).map(([k, v]) => [Number(k), v]))
      )
      outcome = {
        kind: 'contacts',
        added: result.names.added,
        merged: result.names.merged,
        skipped: result.names.skipped,
        notRead: pending.read.skipped
      }
    } else if (mode === 'replace') {
      const result = await applyReplace(store, pending.plan.incoming, { force: true, now })
      outcome = {
        kind: 'journal',
        description: `Replaced the journal with ${pending.fileName}.`,
        backup: result.backup
      }
    } else {
      const result = await applyMerge(store, pending.plan, now)
      outcome = { kind: 'journal', description: describeMerge(result.summary), backup: result.backup }
    }
    this.#pending.delete(token)
    return outcome
  }

  cancel(token: string): void {
    this.#pending.delete(token)
  }

  #get(token: string): Pending {
    const pending = this.#pending.get(token)
    if (!pending) throw new RapportError('not-found', 'That import is no longer open. Choose the file again.')
    return pending
  }

  #describe(token: string, pending: Pending, store: JournalStore): ImportPreview {
    if (pending.kind === 'journal') {
      const { summary } = pending.plan
      return {
        token,
        kind: 'journal',
        fileName: pending.fileName,
        description: describeMerge(summary),
        counts: summary.collections,
        peopleAdded: summary.people.added,
        peopleUpdated: summary.people.updated,
        journalIsEmpty: isEmptyJournal(store.journal)
      }
    }
    const names = new Map(store.journal.people.map((p) => [p.id, p.name]))
    const { items: planned } = pending.plan
    const items: ContactPreviewItem[] = planned.map(({ candidate, target, ...item }, index) => ({
      index,
      line: candidate.line,
      name: candidate.name,
      nameFrom: candidate.nameFrom,
      company: candidate.company,
      emails: [candidate.email, ...candidate.otherEmails].filter(Boolean),
      phones: [candidate.phone, ...candidate.otherPhones].filter(Boolean),
      action: item.action,
      reason: item.reason,
      matchName: !target
        ? null
        : 'personId' in target
          ? (names.get(target.personId) ?? null)
          : `line ${planned[target.item]!.candidate.line}: ${planned[target.item]!.candidate.name}`,
      possibleDuplicate: item.possibleDuplicate,
      warnings: candidate.warnings
    }))
    const csv = pending.csv
      ? {
          headers: pending.csv.headers,
          mapping: pending.mapping,
          examples: columnExamples(pending.csv.headers, pending.csv.rows)
        }
      : null
    const { skipped, notices } = pending.read
    return { token, kind: 'contacts', fileName: pending.fileName, format: pending.format, items, skipped, notices, csv }
  }
}
