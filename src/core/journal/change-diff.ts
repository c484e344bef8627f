/**
 * What a change did, as the change log records it: per collection, the items removed (position and id in
 * the list before) and the items inserted (position in the list after, and the whole item); a replaced item
 * is both. Changes share every item they did not touch, so the difference is found by identity, in time
 * proportional to the change plus one pointer comparison per item — never by serialising the journal.
 */
import { COLLECTIONS } from '../../shared/schema/journal.ts'
import type { Collection, Journal, Me } from '../../shared/schema/journal.ts'

export interface Item {
  id: string
}

export type ChangeOp = { c: Collection; del: Array<[number, string]>; ins: Array<[number, Item]> } | { me: Me }

/** The operations that turn `prev` into `next`; empty when nothing changed. */
export function diffJournal(prev: Journal, next: Journal): ChangeOp[] {
  const ops: ChangeOp[] = []
  if (prev.me !== next.me) ops.push({ me: next.me })
  for (const c of COLLECTIONS) {
    const before = prev[c] as readonly Item[]
    const after = next[c] as readonly Item[]
    if (before === after) continue
    const { del, ins } = diffList(before, after)
    if (del.length > 0 || ins.length > 0) ops.push({ c, del, ins })
  }
  return ops
}

/** One list's difference: removed (position before, id) and inserted (position after, item). */
export function diffList(
  before: readonly Item[],
  after: readonly Item[]
): { del: Array<[number, string]>; ins: Array<[number, Item]> } {
  // Most changes touch one spot: skip the common head and tail first, comparing pointers only.
  const shorter = Math.min(before.length, after.length)
  let head = 0
  while (head < shorter && before[head] === after[head]) head++
  let tail = 0
  while (tail < shorter - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++
  const beforeEnd = before.length - tail
  const afterEnd = after.length - tail
  // Inside the changed span, items present in both lists (by identity) stay, if they kept their order.
  const positions = new Map<Item, number>()
  for (let i = head; i < beforeEnd; i++) positions.set(before[i]!, i)
  const kept = new Set<number>()
  let lastKept = -1
  let inOrder = true
  for (let j = head; j < afterEnd && inOrder; j++) {
    const at = positions.get(after[j]!)
    if (at === undefined) continue
    inOrder = at > lastKept
    lastKept = at
    kept.add(at)
  }
  if (!inOrder) kept.clear()
  const del: Array<[number, string]> = []
  for (let i = head; i < beforeEnd; i++) if (!kept.has(i)) del.push([i, before[i]!.id])
  const ins: Array<[number, Item]> = []
  for (let j = head; j < afterEnd; j++) {
    const at = positions.get(after[j]!)
    if (at === undefined || !kept.has(at)) ins.push([j, after[j]!])
  }
  return { del, ins }
}

/** Thrown when a record does not fit the journal it is replayed on: the log and the snapshot disagree. */
export class ReplayMismatch extends Error {
  override name = 'ReplayMismatch'
}

/**
 * Applies a record's operations to a journal being replayed on open. The lists are changed in place: at
 * that point nothing else holds them.
 */
export function applyOps(journal: Journal, ops: readonly ChangeOp[]): Journal {
  let next = journal
  for (const op of ops) {
    if ('me' in op) {
      next = { ...next, me: op.me }
      continue
    }
    const list = next[op.c] as Item[]
    if (!Array.isArray(list)) throw new ReplayMismatch(`there is no list “${op.c}”`)
    next = {
      ...next,
      [op.c]:
        op.del.length + op.ins.length > SPLICE_AT_MOST
          ? rebuilt(op.c, list, op.del, op.ins)
          : spliced(op.c, list, op.del, op.ins)
    }
    continue
  }
  return next
}

/** Beyond this many items a change is replayed by one pass over the list rather than by moving it each time. */
const SPLICE_AT_MOST = 32

function spliced(
  c: Collection,
  list: Item[],
  del: ReadonlyArray<[number, string]>,
  ins: ReadonlyArray<[number, Item]>
): Item[] {
  // Highest position first, so earlier positions still mean what they meant in the list before.
  for (let k = del.length - 1; k >= 0; k--) {
    const [at, id] = del[k]!
    if (list[at]?.id !== id) throw new ReplayMismatch(`${c}[${at}] is not ${id}`)
    list.splice(at, 1)
  }
  for (const [at, item] of ins) {
    if (at > list.length) throw new ReplayMismatch(`${c} has no position ${at}`)
    list.splice(at, 0, item)
  }
  return list
}

function rebuilt(
  c: Collection,
  list: readonly Item[],
  del: ReadonlyArray<[number, string]>,
  ins: ReadonlyArray<[number, Item]>
): Item[] {
  const out: Item[] = []
  let d = 0
  let i = 0
  for (let j = 0; j < list.length; j++) {
    if (d < del.length && del[d]![0] === j) {
      if (list[j]!.id !== del[d]![1]) throw new ReplayMismatch(`${c}[${j}] is not ${del[d]![1]}`)
      d++
      continue
    }
    while (i < ins.length && ins[i]![0] === out.length) out.push(ins[i++]![1])
    out.push(list[j]!)
  }
  while (i < ins.length && ins[i]![0] === out.length) out.push(ins[i++]![1])
  if (d < del.length || i < ins.length) throw new ReplayMismatch(`${c} does not have the positions the change names`)
  return out
}
