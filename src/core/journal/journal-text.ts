/**
 * Turns the bytes of a journal file into a valid, current journal, or says in plain words why it cannot.
 * Nothing here writes: deciding what to do about an unreadable file is the caller's job.
 */
import * as v from 'valibot'
import { describeIssue } from '../../shared/schema/common.ts'
import { JournalSchema, SCHEMA_VERSION } from '../../shared/schema/journal.ts'
import type { Journal } from '../../shared/schema/journal.ts'
import { migrateJournal } from './migrations.ts'
import type { JsonObject } from './migrations.ts'
import { decodeUtf8 } from './utf8.ts'

/** The file exists but is not a journal this version can use. The message is shown to the user. */
export class JournalProblem extends Error {
  override name = 'JournalProblem'
  /** Whether restoring a backup over the file is offered (not for a link, a folder or a pipe: journal-files.ts). */
  readonly restorable: boolean = true
}

export interface ReadJournal {
  journal: Journal
  /** The version the file was written in, when it was older than this build's. */
  migratedFrom: number | null
  /**
   * The last change-log record a snapshot holds (its `logSeq`), or null for a file written before the log
   * (and for backups and exports, which are whole journals).
   */
  logSeq: number | null
}

/**
 * `validated`: the caller knows this exact text was validated by this build before (a snapshot whose hash the
 * saved search index names), so the whole-file schema pass — a third of a launch at 20,000 entries — is skipped.
 * A file in an older schema is still migrated and validated.
 */
export function readJournalText(text: string, { validated = false } = {}): ReadJournal {
  return readJournalObject(parseJournalJson(text), { validated })
}

/** The first half of readJournalText: the text parsed, and an object (not a list, a number or null). */
export function parseJournalJson(text: string): JsonObject {
  const value = parseJson(text)
  if (value === null) throw new JournalProblem('The file holds “null” instead of a journal.')
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new JournalProblem(
      `The file holds ${Array.isArray(value) ? 'a list' : `a ${typeof value}`} instead of a journal.`
    )
  }
  return value as JsonObject
}

/** The second half of readJournalText: the parsed object checked, migrated and validated into a journal. */
export function readJournalObject(value: JsonObject, { validated = false } = {}): ReadJournal {
  const { logSeq, ...raw } = value
  if (logSeq !== undefined && (typeof logSeq !== 'number' || !Number.isSafeInteger(logSeq) || logSeq < 0)) {
    throw new JournalProblem('The file’s “logSeq” is not a change number, so it is not a journal Rapport wrote.')
  }
  const version = raw.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new JournalProblem('The file has no valid “schemaVersion”, so it is not a Rapport journal.')
  }
  if (version > SCHEMA_VERSION) {
    throw new JournalProblem(
      `The journal was written by a newer Rapport (schema version ${version}); this version reads up to ${SCHEMA_VERSION}. Update Rapport to open it.`
    )
  }
  if (version < SCHEMA_VERSION) {
    return { journal: validateJournal(migrateJournal(raw, version)), migratedFrom: version, logSeq: logSeq ?? null }
  }
  return {
    journal: validated ? (raw as unknown as Journal) : validateJournal(raw),
    migratedFrom: null,
    logSeq: logSeq ?? null
  }
}

/**
 * The text of a journal file's bytes. Rapport writes only UTF-8, so bytes that are not are damage, never
 * decoded into U+FFFD (which the next save would write over the user's words).
 */
export function journalTextOf(bytes: Uint8Array): string {
  const decoded = decodeUtf8(bytes)
  if ('text' in decoded) return decoded.text
  throw new JournalProblem(
    `The file is not valid UTF-8 text (byte ${decoded.invalidAt}): another program, or the disk, has changed it.`
  )
}

/** Checks a whole journal against the schema: on load, on import, and on a restore (a save checks only what changed). */
export function validateJournal(value: unknown): Journal {
  const result = v.safeParse(JournalSchema, value)
  if (result.success) return result.output
  throw new JournalProblem(`The journal is not in the expected shape: ${describeIssue(result.issues[0])}`)
}

function parseJson(text: string): unknown {
  if (text.length === 0) throw new JournalProblem('The file is empty.')
  if (text.charCodeAt(0) === 0xfeff) {
    throw new JournalProblem(
      'The file starts with a byte-order mark (BOM). Rapport never writes one, so another program has changed it.'
    )
  }
  if (text.trim().length === 0) throw new JournalProblem('The file holds only blank space.')
  try {
    return JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    // A cut-off file fails at its very end, whatever token the parser was expecting there.
    const position = Number(/position (\d+)/.exec(detail)?.[1] ?? -1)
    if (/end of (JSON )?input|Unterminated/i.test(detail) || position >= text.trimEnd().length) {
      throw new JournalProblem('The file stops in the middle of the journal: it looks truncated.')
    }
    throw new JournalProblem(`The file is not valid JSON (${detail}).`)
  }
}
