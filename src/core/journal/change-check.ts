/**
 * Checks a change before it is saved, in time proportional to the change rather than to the journal:
 * only the items the change added or replaced (its change-log operations, change-diff.ts) are validated,
 * and references are checked around them.
 * (The whole journal is validated on load; checking all 100,000 entries on every keystroke-sized save
 * would take a second.)
 */
import * as v from 'valibot'
import { describeIssue } from '../../shared/schema/common.ts'
import { integrityProblem, itemProblem } from '../../shared/schema/integrity.ts'
import { COLLECTIONS, ITEM_SCHEMAS, MeSchema, SCHEMA_VERSION } from '../../shared/schema/journal.ts'
import type { Collection, Journal } from '../../shared/schema/journal.ts'
import type { ChangeOp } from './change-diff.ts'
import { JournalProblem } from './journal-text.ts'

const JOURNAL_KEYS = ['schemaVersion', 'me', ...COLLECTIONS].sort().join()

/** Beyond this many touched items a full check is as cheap as a careful one. */
const FULL_CHECK_OVER = 200

export function checkChange(prev: Journal, next: Journal, ops: readonly ChangeOp[]): void {
  if (next.schemaVersion !== SCHEMA_VERSION || Object.keys(next).sort().join() !== JOURNAL_KEYS) {
    throw new JournalProblem('The journal lost its shape.')
  }
  if (next.me !== prev.me) expectValid(MeSchema, next.me, 'me')
  let touched = 0
  let removedSomething = false
  const added = new Map<Collection, Array<{ id: string }>>()
  for (const op of ops) {
    if ('me' in op) continue
    // An item removed and put back under the same id was replaced, not removed.
    const fresh = op.ins.map(([, item]) => item)
    const ids = new Set(fresh.map((item) => item.id))
    removedSomething ||= op.del.some(([, id]) => !ids.has(id))
    touched += fresh.length
    for (const item of fresh) expectValid(ITEM_SCHEMAS[op.c], item, op.c)
    added.set(op.c, fresh)
  }
  // Deletes and big changes (an Undo of a person with all their entries) get the full reference check.
  if (removedSomething || touched > FULL_CHECK_OVER) {
    const problem = integrityProblem(next)
    if (problem) throw new JournalProblem(problem)
    return
  }
  for (const [collection, items] of added) {
    for (const item of items) {
      const problem = itemProblem(next, collection, item as Journal[typeof collection][number])
      if (problem) throw new JournalProblem(problem)
    }
  }
}

function expectValid(schema: v.GenericSchema, item: unknown, where: string): void {
  const result = v.safeParse(schema, item)
  if (!result.success) throw new JournalProblem(`Not a valid entry in ${where}: ${describeIssue(result.issues[0])}`)
}
