/**
 * Checks a change before it is saved, in time proportional to the change rather than to the journal:
 * only the items the change added or replaced (its change-log operations, change-diff.ts) are validated,
 * and references are checked around them.
 * (The whole journal is validated on load; checking all 100,000 entries on every keystroke-sized save
 * would take a second.)
 */
import * as v from 'valibot'
import { describeIssue } from '../../shared/schema/common.ts'
import { integrityProblem, referenceProblem } from '../../shared/schema/integrity.ts'
import { COLLECTIONS, ITEM_SCHEMAS, MeSchema, SCHEMA_VERSION } from '../../shared/schema/journal.ts'
import type { Collection, Journal } from '../../shared/schema/journal.ts'
import type { ChangeOp, Item } from './change-diff.ts'
import type { IdSets } from './id-sets.ts'
import { JournalProblem } from './journal-text.ts'
import { RapportError } from '../rapport-error.ts'

const JOURNAL_KEYS = ['schemaVersion', 'me', ...COLLECTIONS].sort().join()

/** Beyond this many touched items a full check is as cheap as a careful one. */
const FULL_CHECK_OVER = 200

export function checkChange(prev: Journal, next: Journal, ops: readonly ChangeOp[], ids: IdSets): void {
  if (next.schemaVersion !== SCHEMA_VERSION || Object.keys(next).sort().join() !== JOURNAL_KEYS) {
    throw new JournalProblem('The journal lost its shape.')
  }
  if (next.me !== prev.me) expectValid(MeSchema, next.me, 'me')
  let touched = 0
  let removedSomething = false
  const changed = new Map<Collection, { removed: Set<string>; added: Set<string>; items: Item[] }>()
  for (const op of ops) {
    if ('me' in op) continue
    const items = op.ins.map(([, item]) => item)
    const added = new Set(items.map((item) => item.id))
    const removed = new Set(op.del.map(([, id]) => id))
    // An item removed and put back under the same id was replaced, not removed.
    removedSomething ||= [...removed].some((id) => !added.has(id))
    touched += items.length
    for (const item of items) expectValid(ITEM_SCHEMAS[op.c], item, op.c)
    changed.set(op.c, { removed, added, items })
  }
  // Deletes and big changes (an Undo of a person with all their entries) get the full reference check.
  if (removedSomething || touched > FULL_CHECK_OVER) {
    const problem = integrityProblem(next)
    if (problem) throw new JournalProblem(problem)
    return
  }
  // Whether `id` is in `list` after the change: the list's ids before it, less what it removed, plus what it added.
  const exists = (list: Collection, id: string): boolean => {
    const change = changed.get(list)
    if (change?.added.has(id)) return true
    return ids.of(prev, list).has(id) && !change?.removed.has(id)
  }
  for (const [collection, { removed, added, items }] of changed) {
    if (added.size < items.length || [...added].some((id) => !removed.has(id) && ids.of(prev, collection).has(id))) {
      throw new JournalProblem(`Two items in ${collection} share one id.`)
    }
    for (const item of items) {
      const problem = referenceProblem(collection, item as Journal[typeof collection][number], exists)
      if (problem) throw new JournalProblem(problem)
    }
  }
}

function expectValid(schema: v.GenericSchema, item: unknown, where: string): void {
  const result = v.safeParse(schema, item)
  if (!result.success) throw new JournalProblem(`Not a valid entry in ${where}: ${describeIssue(result.issues[0])}`)
}

/** The change's items are checked, and the very objects kept: the search index tells changes apart by identity. */
export function checkOrRefuse(previous: Journal, next: Journal, ops: readonly ChangeOp[], ids: IdSets): Journal {
  try {
    checkChange(previous, next, ops, ids)
    return next
  } catch (error) {
    throw new RapportError(
      'invalid-input',
      `That change would make the journal invalid. ${error instanceof Error ? error.message : String(error)}`
    )
  }
}
