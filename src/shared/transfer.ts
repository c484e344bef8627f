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

export type ColumnMapping = Partial<Record<MappedField, number>>

const Column = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))
export const ColumnMappingSchema = strict(
  Object.fromEntries(MAPPED_FIELDS.map((field) => [field, v.optional(Column)])) as Record<
    MappedField,
    v.OptionalSchema<typeof Column, undefined>
  >
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

export const ExportMarkdownSchema = strict({ personIds: v.optional(v.pipe(v.array(IdSchema), v.maxLength(100_000))) })

export interface ContactPreviewItem {
  index: number
  line: number
  name: string
  company: string
  email: string
  action: ImportAction
  reason: string
  /** The person in the journal it would merge into. */
  matchName: string | null
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
      /** CSV only: the columns, the mapping used, and the first rows, for the mapping step. */
      csv: { headers: string[]; mapping: ColumnMapping; sample: string[][] } | null
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
  | { kind: 'contacts'; added: string[]; merged: string[]; skipped: string[] }
  | { kind: 'journal'; description: string; backup: string | null }

/** What a native file dialog returned: nothing when the user cancelled. */
export type Picked<T> = { canceled: true } | ({ canceled: false } & T)
