/**
 * Checks a change before it is saved, in time proportional to the change rather than to the journal:
 * only the items the change added or replaced are validated, and references are checked around them.
 * (The whole journal is validated on load; checking all 100,000 entries on every keystroke-sized save
 * would take a second.)
 */
import * as v from 'valibot'
import { describeIssue } from '../../shared/schema/common.ts'
import { integrityProblem, itemProblem } from '../../shared/schema/integrity.ts'
import { COLLECTIONS, ITEM_SCHEMAS, MeSchema, SCHEMA_VERSION } from '../../shared/schema/journal.ts'
import type { Collection, Journal } from '../../shared/schema/journal.ts'
import { JournalProblem } from './journal-text.ts'

const JOURNAL_KEYS = ['schemaVersion', 'me', ...COLLECTIONS].sort().join()

/** Beyond this many touched items a full check is as cheap as a careful one. */
const FULL_CHECK_OVER = 200

export function checkChange(prev: Journal, next: Journal): void {
  if (next.schemaVersion !== SCHEMA_VERSION || Object.keys(next).sort().join() !== JOURNAL_KEYS) {
    throw new JournalProblem('The journal lost its shape.')
  }
  if (next.me !== prev.me) expectValid(MeSchema, next.me, 'me')
  let touched = 0
  let removedSomething = false
  const added = new Map<Collection, Array<{ id: string }>>()
  for (const collection of COLLECTIONS) {
    const before = prev[collection] as ReadonlyArray<{ id: string }>
    const after = next[collection] as ReadonlyArray<{ id: string }>
    if (before === after) continue
    const { fresh, removed } = diff(before, after)
    removedSomething ||= removed
    touched += fresh.length
    for (const item of fresh) expectValid(ITEM_SCHEMAS[collection], item, collection)
    added.set(collection, fresh)
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

function diff(before: ReadonlyArray<{ id: string }>, after: ReadonlyArray<{ id: string }>) {
  if (before.length === after.length) {
    // An edit in place: same positions, one new object.
    const fresh = after.filter((item, i) => item !== before[i])
    const ids = new Set(fresh.map((item) => item.id))
    const removed = before.some((item, i) => item !== after[i] && !ids.has(item.id))
    return { fresh, removed }
  }
  const kept = new Set(after)
  const known = new Set(before)
  return { fresh: after.filter((item) => !known.has(item)), removed: before.some((item) => !kept.has(item)) }
}

function expectValid(schema: v.GenericSchema, item: unknown, where: string): void {
  const result = v.safeParse(schema, item)
  if (!result.success) throw new JournalProblem(`Not a valid entry in ${where}: ${describeIssue(result.issues[0])}`)
}
