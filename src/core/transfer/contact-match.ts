/**
 * Whether a contact is someone already known: the journal's people, or a contact earlier in the same file.
 * The same email with a compatible name is the same person; the same email under another name might be
 * (a shared inbox, a spouse) and is left to the user; the same name and company with no email to compare is
 * the same person.
 */
import { foldedWords, foldKey } from '../../shared/fold-key.ts'
import type { NameSource } from '../../shared/transfer.ts'

export interface Known<T> {
  item: T
  name: string
  /** A name that stands in for a missing one matches any name. */
  nameFrom: NameSource
  company: string
  emails: readonly string[]
  /** Name and company folded (nameKey), worked out once per contact: folding is most of matching's cost. */
  key: string
}

export interface Match<T> {
  item: T
  by: 'email' | 'name'
  /** For a match by email: the address both have. */
  email: string
  /** Same email, names that do not fit together: maybe the same person, maybe not. */
  doubtful: boolean
}

/**
 * "Ana García" fits "ANA GARCIA", "Ana G.", "Ana" and "Ana García López": every word of the shorter name is a
 * word of the longer one, or its initial.
 */
export function compatibleNames(a: string, b: string): boolean {
  const [short, long] = [foldedWords(a), foldedWords(b)].sort((x, y) => x.length - y.length) as [string[], string[]]
  if (short.length === 0) return true
  return short.every((word) =>
    long.some(
      (other) =>
        other === word ||
        (word.length === 1 && other.startsWith(word)) ||
        (other.length === 1 && word.startsWith(other))
    )
  )
}

const emailKey = (email: string) => email.trim().toLowerCase()
export const nameKey = (name: string, company: string) => `${foldKey(name)}\u0000${foldKey(company)}`

/** Known contacts by each of their emails and by name and company; the first one added wins a tie. */
export class ContactIndex<T> {
  #byEmail = new Map<string, Known<T>>()
  #byName = new Map<string, Known<T>>()

  add(known: Known<T>): void {
    for (const email of known.emails) {
      const key = emailKey(email)
      if (key && !this.#byEmail.has(key)) this.#byEmail.set(key, known)
    }
    if (!this.#byName.has(known.key)) this.#byName.set(known.key, known)
  }

  find(contact: Omit<Known<unknown>, 'item'>): Match<T> | undefined {
    let doubtful: Match<T> | undefined
    for (const email of contact.emails) {
      const known = this.#byEmail.get(emailKey(email))
      if (!known) continue
      const fits = standsIn(contact) || standsIn(known) || compatibleNames(contact.name, known.name)
      // The address as the known contact has it.
      const theirs = known.emails.find((other) => emailKey(other) === emailKey(email))!.trim()
      if (fits) return { item: known.item, by: 'email', email: theirs, doubtful: false }
      doubtful ??= { item: known.item, by: 'email', email: theirs, doubtful: true }
    }
    const byName = this.#byName.get(contact.key)
    if (byName && !standsIn(contact)) return { item: byName.item, by: 'name', email: '', doubtful: false }
    return doubtful
  }
}

/** A name that is not one: taken from the company, email or phone, or a person named after their own address. */
function standsIn(contact: Omit<Known<unknown>, 'item'>): boolean {
  return contact.nameFrom !== 'name' || contact.emails.some((email) => emailKey(email) === emailKey(contact.name))
}
