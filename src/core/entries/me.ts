/** The user's own "Me" profile: their name, and (through interests owned by "me") what they care about. */
import type { Me } from '../../shared/schema/journal.ts'
import type { JournalStore } from '../journal/journal-store.ts'

export function updateMe(store: JournalStore, me: Me): Promise<Me> {
  return store.change((journal) => ({ next: { ...journal, me }, result: me }))
}
