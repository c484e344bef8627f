/** Small, immutable helpers for the journal's lists of items with ids. */
import { RapportError } from '../rapport-error.ts'

export interface HasId {
  id: string
}

export function indexById(items: readonly HasId[], id: string, what: string): number {
  const index = items.findIndex((item) => item.id === id)
  if (index === -1) throw new RapportError('not-found', `That ${what} is no longer in the journal.`)
  return index
}

export function getById<T extends HasId>(items: readonly T[], id: string, what: string): T {
  return items[indexById(items, id, what)]!
}

export function replaceById<T extends HasId>(
  items: readonly T[],
  id: string,
  what: string,
  update: (item: T) => T
): { items: T[]; item: T } {
  const index = indexById(items, id, what)
  const item = update(items[index]!)
  return { items: items.with(index, item), item }
}

/** Drops undefined values so a partial patch never blanks a field it did not mention. */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>
}
