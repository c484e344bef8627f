/**
 * Undo accepts only what a delete handed out, once. Each delete's answer gets a ticket, and a copy is kept
 * here; an undo must bring back exactly that answer. Anything else — an invented person, a live one to
 * overwrite, the same undo twice — is refused, so Undo cannot be used to write arbitrary items.
 */
import { randomUUID } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import type { Removed, Taken } from '../../shared/schema/removed.ts'
import { RapportError } from '../rapport-error.ts'
import { definedOnly } from '../entries/collections.ts'

/** The toast that offers Undo lasts seconds; a few dozen deletes back is plenty. */
const KEPT = 50

export class UndoTickets {
  #issued = new Map<string, Removed>()

  /** The delete's answer with its ticket. */
  issue(taken: Taken): Removed {
    const removed: Removed = { ...taken, ticket: randomUUID() }
    this.#issued.set(removed.ticket, structuredClone(removed))
    if (this.#issued.size > KEPT) this.#issued.delete(this.#issued.keys().next().value!)
    return removed
  }

  /** The delete's answer as it was handed out, if `given` is exactly that; the ticket is used up. */
  take(given: Removed): Removed {
    const issued = this.#issued.get(given.ticket)
    if (!issued || !isDeepStrictEqual(definedOnly(issued), definedOnly(given)))
      throw new RapportError('invalid-input', 'That delete can no longer be undone.')
    this.#issued.delete(given.ticket)
    return issued
  }

  /** Drops every ticket (locking the journal: each holds the items a delete removed). */
  clear(): void {
    this.#issued.clear()
  }

  /** Puts a ticket back when the undo itself failed (a full disk), so the user can try again. */
  restore(removed: Removed): void {
    this.#issued.set(removed.ticket, removed)
  }
}
