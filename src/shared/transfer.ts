/** Export, import and backup: the shapes of their API calls, shared by main and the renderer. */
import * as v from 'valibot'
import { MAPPED_FIELDS } from './choices.ts'
import type { MappedField } from './choices.ts'
export type { MappedField } from './choices.ts'
import { IdSchema, strict } from './schema/common.ts'

/**
 * The files Rapport imports, by extension: contacts (vCard, CSV) and its own JSON exports. Declared once for
 * the app's file dialog, its import and the command line.
 */
export const IMPORT_KINDS = { '.vcf': 'vcard', '.vcard': 'vcard', '.csv': 'csv', '.json': 'journal' } as const
export type ImportKind = (typeof IMPORT_KINDS)[keyof typeof IMPORT_KINDS]

/** What kind of import a file is, by its name's extension (any case); null when Rapport does not import it. */
export function importKindOf(fileName: string): ImportKind | null {
  const extension = /\.[^./\\]*$/.exec(fileName)?.[0].toLowerCase() ?? ''
  return Object.hasOwn(IMPORT_KINDS, extension) ? IMPORT_KINDS[extension as keyof typeof IMPORT_KINDS] : null
}

/** What each CSV column became, by position: a field, or null for a column not imported. */
export type ColumnMapping = Array<MappedField | null>

export const ColumnMappingSchema = v.pipe(
  v.array(v.nullable(v.picklist(MAPPED_FIELDS, 'That is not something a column can become.'))),
  v.maxLength(1000, 'A file has at most 1,000 columns to map.')
)

export const TokenSchema = v.pipe(v.string(), v.regex(/^[a-f0-9-]{36}$/, 'That import is no longer open.'))
export const ImportActionSchema = v.picklist(['add', 'merge', 'skip'])
export type ImportAction = v.InferOutput<typeof ImportActionSchema>

export const ImportApplySchema = strict({
  token: TokenSchema,
  /** Per contact (by its index in the preview): what to do instead of the suggestion. */
  decisions: v.optional(v.record(v.pipe(v.string(), v.regex(/^\d{1,6}$/)), ImportActionSchema)),
  /** For a Rapport backup file: merge into the journal (default) or replace it. */
  mode: v.optional(v.picklist(['merge', 'replace']))
})

/** How exported files link to each other; `auto` uses wikilinks when the folder is inside an Obsidian vault. */
export const LINK_STYLES = ['auto', 'wikilinks', 'markdown'] as const
export type LinkStyle = (typeof LINK_STYLES)[number]

export const ExportMarkdownSchema = strict({
  /** Only these people: each one's file, exactly as the full export writes it. */
  personIds: v.optional(v.pipe(v.array(IdSchema), v.maxLength(100_000))),
  /** Overrides the setting (the command line's --links). */
  links: v.optional(v.picklist(LINK_STYLES, 'Links are auto, wikilinks or markdown.'))
})

export const ExportVcardSchema = strict({
  /** Only these people; everyone when left out. */
  personIds: v.optional(v.pipe(v.array(IdSchema), v.maxLength(100_000)))
})

/** What a Markdown export did to a folder that may hold an earlier one. Paths are from the folder's root. */
export interface ExportChanges {
  /** Files written (new or changed). */
  written: number
  /** Files already up to date, left untouched. */
  unchanged: number
  /** Files of renamed people, renamed to their new name. */
  renamed: Array<{ from: string; to: string }>
  /** Files of people no longer in the journal (or no longer exported), removed. */
  removed: string[]
  /**
   * The user's own files Rapport did not replace or remove: edited since Rapport wrote them, or not made by
   * Rapport. `keptAs` is where the user's copy is now (beside the new file, or where it was).
   */
  kept: Array<{ path: string; keptAs: string; reason: 'edited' | 'not-from-rapport' }>
}

/** The calendar export: how many follow-ups and keep-in-touch dates it holds. */
export interface CalendarCounts {
  followUps: number
  keepInTouch: number
}

/** Where a contact's name came from: its own, or what stood in for a missing one (shown with the name). */
export type NameSource = 'name' | 'company' | 'email' | 'phone'

/** A record of a contact file that was not imported: where it starts, why, and its text as in the file. */
export interface SkippedRecord {
  line: number
  reason: string
  raw: string
}

export interface ContactPreviewItem {
  index: number
  line: number
  name: string
  nameFrom: NameSource
  company: string
  /** Every address, the one shown first first. */
  emails: string[]
  phones: string[]
  action: ImportAction
  reason: string
  /** Who it would merge into: a person in the journal, or a contact earlier in the file ("line 4: Ana"). */
  matchName: string | null
  /** Shares an email with `matchName` under another name: the user decides whether it is the same person. */
  possibleDuplicate: boolean
  /** What was read differently from the file (an address kept as written, a guessed character set). */
  warnings: string[]
}

export interface MergeCounts {
  added: number
  updated: number
  kept: number
  unchanged: number
}

export type ImportPreview =
  | {
      token: string
      kind: 'contacts'
      fileName: string
      format: 'vcard' | 'csv'
      items: ContactPreviewItem[]
      /** Every record that is not imported, with its line, the reason and its text. */
      skipped: SkippedRecord[]
      /** About the whole file (a character set guessed, say). */
      notices: string[]
      /** CSV only: the columns, what each became, and an example value of each, for the mapping step. */
      csv: { headers: string[]; mapping: ColumnMapping; examples: string[] } | null
    }
  | {
      token: string
      kind: 'journal'
      fileName: string
      /** "12 people added, 3 updated, …" */
      description: string
      /** What the merge would do, per list (people, conversations, …). */
      counts: Record<string, MergeCounts>
      peopleAdded: string[]
      peopleUpdated: string[]
      journalIsEmpty: boolean
    }

export type ImportOutcome =
  | {
      kind: 'contacts'
      added: string[]
      merged: string[]
      skipped: string[]
      /** The records of the file that could not be read (as in the preview), left out of the import. */
      notRead: SkippedRecord[]
    }
  | { kind: 'journal'; description: string; backup: string | null }

/** What a native file dialog returned: nothing when the user cancelled. */
export type Picked<T> = { canceled: true } | ({ canceled: false } & T)
