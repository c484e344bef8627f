/**
 * Deleting with Undo. A delete records each item it removed (with its position) and the previous version
 * of each item it changed; restoring puts changed items back in place and removed ones at their position.
 */
import { COLLECTIONS } from '../../shared/schema/journal.ts'
import type { Collection, Journal } from '../../shared/schema/journal.ts'
import type { Removed } from '../../shared/schema/removed.ts'
import type { JournalStore } from '../journal/journal-store.ts'
import { RapportError } from '../rapport-error.ts'

type Slot<C extends Collection> = { item: Journal[C][number]; index: number }

/** Records the items of `collection` that `keep` rejects, and returns the list without them. */
export function takeOut<C extends Collection>(
  journal: Journal,
  collection: C,
  keep: (item: Journal[C][number]) => boolean
) {
  const slots: Slot<C>[] = []
  const kept = (journal[collection] as Journal[C][number][]).filter((item, index) => {
    if (keep(item)) return true
    slots.push({ item, index })
    return false
  })
  return { kept: kept as Journal[C], slots }
}

/** Records the previous version of every item `change` alters (returns a different object for). */
export function alter<C extends Collection>(
  journal: Journal,
  collection: C,
  change: (item: Journal[C][number]) => Journal[C][number]
) {
  const slots: Slot<C>[] = []
  const next = (journal[collection] as Journal[C][number][]).map((item, index) => {
    const changed = change(item)
    if (changed !== item) slots.push({ item, index })
    return changed
  })
  return { next: next as Journal[C], slots }
}

export function restoreRemoved(store: JournalStore, removed: Removed): Promise<Journal> {
  return store.change((journal) => {
    const next = { ...journal }
    for (const collection of COLLECTIONS) {
      const slots = (removed[collection] ?? []) as Slot<typeof collection>[]
      if (slots.length === 0) continue
      const items = [...(journal[collection] as { id: string }[])]
      // Items that still exist are put back as they were; the rest are inserted where they stood.
      for (const { item } of slots) {
        const at = items.findIndex((existing) => existing.id === item.id)
        if (at !== -1) items[at] = item
      }
      const missing = slots
        .filter(({ item }) => !items.some((existing) => existing.id === item.id))
        .sort((a, b) => a.index - b.index)
      for (const { item, index } of missing) items.splice(Math.min(index, items.length), 0, item)
      ;(next as Record<Collection, unknown>)[collection] = items
    }
    if (COLLECTIONS.every((collection) => (removed[collection] ?? []).length === 0)) {
      throw new RapportError('invalid-input', 'There is nothing to undo.')
    }
    return { next, result: next }
  })
}
