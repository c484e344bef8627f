/**
 * Full backup and restore: the whole journal as one JSON file, read back either in place of the journal
 * (replace, meant for an empty one) or merged into it by id, the newest change winning. A merge never
 * deletes. Both save the journal as it was as a 'pre-restore' backup before writing, then write once.
 */
import { integrityProblem } from '../../shared/schema/integrity.ts'
import { COLLECTIONS } from '../../shared/schema/journal.ts'
import type { Collection, Journal } from '../../shared/schema/journal.ts'
import type { JournalKey } from '../crypt/journal-key.ts'
import { writeBackup } from '../journal/backups.ts'
import { serializeJournal, unsealed } from '../journal/journal-file.ts'
import type { JournalStore } from '../journal/journal-store.ts'
import { JournalProblem, readJournalText } from '../journal/journal-text.ts'
import { describeCounts } from './transfer-words.ts'
import { RapportError } from '../rapport-error.ts'

/** A file Rapport will not import, or an import it will not do; the message is for the person importing. */
export class TransferProblem extends RapportError {
  override name = 'TransferProblem'

  constructor(message: string) {
    super('invalid-input', message)
  }
}

/** How many items each collection holds. */
export type JournalCounts = Record<Collection, number>

/** What a merge does to one collection, by id. */
export interface CollectionCounts {
  /** Only in the file: added. */
  added: number
  /** In both, the file's version newer: replaced by it. */
  updated: number
  /** In both and different, the journal's version newer or as new: kept. */
  kept: number
  /** In both and identical. */
  unchanged: number
}

export interface MergeSummary {
  collections: Record<Collection, CollectionCounts>
  /** 'taken': your name was empty and the file has one; 'kept': both have different names, yours stays. */
  me: 'taken' | 'kept' | 'unchanged'
  /** Names of the people the merge adds and updates, in the file's and the journal's order. */
  people: { added: string[]; updated: string[] }
  /** True when the merge would change nothing, so applying it writes nothing. */
  nothingToDo: boolean
}

export interface MergePlan {
  /** The journal the plan was made against; applying re-plans if the journal has changed since. */
  readonly current: Journal
  readonly incoming: Journal
  /** The merged journal, sharing every untouched item (and untouched collection) with `current`. */
  readonly next: Journal
  readonly summary: MergeSummary
}

export interface MergeResult {
  summary: MergeSummary
  /** The file name of the 'pre-restore' backup, or null when nothing needed writing. */
  backup: string | null
}

export interface ReplacePlan {
  readonly incoming: Journal
  /** What the journal will hold. */
  readonly counts: JournalCounts
  /** What it holds now, and will lose (kept in the backup). */
  readonly replaced: JournalCounts
}

export interface ReplaceResult {
  counts: JournalCounts
  replaced: JournalCounts
  backup: string
}

/** An export is the journal file itself, so any Rapport version can read it (and migrate it). */
export function exportJournalJson(journal: Journal): string {
  return serializeJournal(journal)
}

/**
 * Reads an export (or any journal file, or a backup) into a valid, current journal: older versions are
 * migrated, and anything else is refused with the reason the journal itself would give.
 */
export function readJournalExport(file: string | Uint8Array, key: JournalKey | null = null): Journal {
  try {
    const text = typeof file === 'string' ? file : decodeUtf8(unsealed(file, key))
    return readJournalText(text).journal
  } catch (error) {
    if (error instanceof TransferProblem) throw error
    if (error instanceof JournalProblem) throw new TransferProblem(`This file cannot be imported. ${error.message}`)
    throw new TransferProblem(
      `This file cannot be imported: ${error instanceof Error ? error.message : String(error)}.`
    )
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM keeps a byte-order mark in the text, so it gets the journal's own message.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    throw new TransferProblem('This file cannot be imported. It is not UTF-8 text, so it is not a Rapport journal.')
  }
}

export function journalCounts(journal: Journal): JournalCounts {
  return Object.fromEntries(COLLECTIONS.map((collection) => [collection, journal[collection].length])) as JournalCounts
}

/** Nothing in it at all, not even your name: replacing it loses nothing. */
export function isEmptyJournal(journal: Journal): boolean {
  return journal.me.name === '' && COLLECTIONS.every((collection) => journal[collection].length === 0)
}

type Item = { id: string; createdAt: string; updatedAt?: string }
type Verdict = 'updated' | 'kept' | 'unchanged'

/**
 * Merges `incoming` into `current` by id, per collection: only in the file → added; in both → the newer
 * version by updatedAt (createdAt for interests and values, which have no updatedAt), the journal's on a
 * tie. Items only in the journal stay. Your name is taken from the file only when yours is empty.
 */
export function planMerge(current: Journal, incoming: Journal): MergePlan {
  const people = { added: [] as string[], updated: [] as string[] }
  const collections = {} as Record<Collection, CollectionCounts>
  const next: Journal = { ...current }
  let changed = false
  for (const collection of COLLECTIONS) {
    const counts: CollectionCounts = { added: 0, updated: 0, kept: 0, unchanged: 0 }
    const names = collection === 'people' ? people : null
    const merged = mergeItems(current[collection], incoming[collection], counts, names)
    collections[collection] = counts
    if (merged !== current[collection]) {
      ;(next as Record<Collection, unknown>)[collection] = merged
      changed = true
    }
  }
  const me = current.me.name === incoming.me.name ? 'unchanged' : current.me.name === '' ? 'taken' : 'kept'
  if (me === 'taken') next.me = incoming.me
  const nothingToDo = !changed && me !== 'taken'
  return { current, incoming, next: nothingToDo ? current : next, summary: { collections, me, people, nothingToDo } }
}

/** The journal's list with newer incoming versions in place and new items at the end; the same array if nothing changes. */
function mergeItems(
  mine: readonly Item[],
  theirs: readonly Item[],
  counts: CollectionCounts,
  names: { added: string[]; updated: string[] } | null
): readonly Item[] {
  const incoming = new Map(theirs.map((item) => [item.id, item]))
  let changed = false
  const merged = mine.map((item) => {
    const other = incoming.get(item.id)
    if (!other) return item
    const verdict = compare(item, other)
    counts[verdict]++
    if (verdict !== 'updated') return item
    changed = true
    names?.updated.push((other as unknown as { name: string }).name)
    return other
  })
  const known = new Set(mine.map((item) => item.id))
  for (const item of theirs) {
    if (known.has(item.id)) continue
    merged.push(item)
    counts.added++
    changed = true
    names?.added.push((item as unknown as { name: string }).name)
  }
  return changed ? merged : mine
}

function compare(mine: Item, theirs: Item): Verdict {
  if (sameValue(mine, theirs)) return 'unchanged'
  const stamp = (item: Item) => item.updatedAt ?? item.createdAt
  return compareInstants(stamp(theirs), stamp(mine)) > 0 ? 'updated' : 'kept'
}

/** Deep equality of JSON data, whatever the order of object keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a))
    return a.length === (b as unknown[]).length && a.every((item, i) => sameValue(item, (b as unknown[])[i]))
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])
  )
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z| ?([+-])(\d{2})(?::?(\d{2}))?)$/

/**
 * Orders two ISO timestamps by the instant they name: files written elsewhere may use offsets
 * ("+02:00") or more than millisecond digits, which neither string order nor Date.parse gets right.
 */
export function compareInstants(a: string, b: string): number {
  const x = instant(a)
  const y = instant(b)
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0
  return x.seconds - y.seconds || (x.fraction < y.fraction ? -1 : x.fraction > y.fraction ? 1 : 0)
}

function instant(stamp: string): { seconds: number; fraction: string } | null {
  const m = INSTANT.exec(stamp)
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number
  ]
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second))
  // Date.UTC reads years 0–99 as 1900–1999; setting the year afterwards keeps it as written.
  date.setUTCFullYear(year, month - 1, day)
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0)) : 0
  return { seconds: date.getTime() / 1000 - offset * 60, fraction: (m[7] ?? '').padEnd(9, '0') }
}

/**
 * Refuses to replace a journal that holds anything unless `force` (the UI asks first): replacing removes
 * everything in it, though the 'pre-restore' backup keeps it.
 */
export function planReplace(current: Journal, incoming: Journal, options: { force?: boolean } = {}): ReplacePlan {
  const replaced = journalCounts(current)
  if (!options.force && !isEmptyJournal(current)) {
    const holds = [describeCounts(replaced), current.me.name === '' ? '' : `your name (${current.me.name})`].filter(
      (part) => part !== '' && part !== 'nothing'
    )
    throw new TransferProblem(
      `Your journal is not empty: it holds ${holds.join(' and ')}. Replacing it would remove all of that (a backup is saved first). Merge the file instead, or confirm that you want to replace the journal.`
    )
  }
  return { incoming, counts: journalCounts(incoming), replaced }
}

/**
 * Merges as planned, in one durable change, after saving the journal's current bytes as a 'pre-restore'
 * backup. If the journal changed since the plan was made, the merge is planned again against it (a merge
 * never deletes, so nothing done meanwhile is lost); the summary returned is what was actually done.
 */
export async function applyMerge(store: JournalStore, plan: MergePlan, now: Date = new Date()): Promise<MergeResult> {
  await store.flush()
  const base = store.journal
  const live = plan.current === base ? plan : planMerge(base, plan.incoming)
  // Two valid journals merged by id always resolve every reference; this guards a plan built from anything else.
  const problem = integrityProblem(live.next)
  if (problem)
    throw new TransferProblem(`This file cannot be merged into your journal: ${problem} Nothing was changed.`)
  if (live.summary.nothingToDo) return { summary: live.summary, backup: null }
  const backup = await backupCurrent(store, now)
  await store.change((journal) => {
    if (journal !== base) throw new TransferProblem(CHANGED_MEANWHILE)
    return { next: live.next, result: undefined }
  })
  return { summary: live.summary, backup }
}

/** Puts `incoming` in the journal's place in one durable change, after a 'pre-restore' backup of it. */
export async function applyReplace(
  store: JournalStore,
  incoming: Journal,
  options: { force?: boolean; now?: Date } = {}
): Promise<ReplaceResult> {
  await store.flush()
  const base = store.journal
  const plan = planReplace(base, incoming, options)
  const backup = await backupCurrent(store, options.now ?? new Date())
  await store.change((journal) => {
    if (journal !== base) throw new TransferProblem(CHANGED_MEANWHILE)
    return { next: incoming, result: undefined }
  })
  return { counts: plan.counts, replaced: plan.replaced, backup }
}

// A change slipped in between the backup and the write: the backup would not hold it.
const CHANGED_MEANWHILE = 'The journal changed while the import was being saved, so nothing was imported. Try again.'

/** The journal the store holds (its snapshot and change log together), as one journal file. */
async function backupCurrent(store: JournalStore, now: Date): Promise<string> {
  await store.flush()
  return writeBackup(store.path, 'pre-restore', serializeJournal(store.journal), now, store.key)
}
