/**
 * Every list's ids, kept in step with the journal by each saved change's operations, so that checking a
 * change (a new id is not taken, a reference points at something) costs what the change weighs rather than
 * a scan of 100,000 entries.
 */
import type { Collection, Journal } from '../../shared/schema/journal.ts'
import type { ChangeOp, Item } from './change-diff.ts'

export class IdSets {
  /** Each set belongs to one list (by identity): a set for another list is rebuilt, never trusted. */
  #sets = new Map<Collection, { list: readonly Item[]; ids: Set<string> }>()

  /** The ids of `journal`'s `collection`. */
  of(journal: Journal, collection: Collection): Set<string> {
    const list = journal[collection] as readonly Item[]
    const entry = this.#sets.get(collection)
    if (entry?.list === list) return entry.ids
    const ids = new Set(list.map((item) => item.id))
    this.#sets.set(collection, { list, ids })
    return ids
  }

  /** After a change from `prev` to `next` is saved: the sets of the lists it changed follow it. */
  advance(prev: Journal, next: Journal, ops: readonly ChangeOp[]): void {
    for (const op of ops) {
      if ('me' in op) continue
      const entry = this.#sets.get(op.c)
      if (entry?.list !== prev[op.c]) {
        this.#sets.delete(op.c)
        continue
      }
      for (const [, id] of op.del) entry.ids.delete(id)
      for (const [, item] of op.ins) entry.ids.add(item.id)
      entry.list = next[op.c]
    }
  }
}
