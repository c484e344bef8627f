/** Email addresses and phone numbers as contact files write them, and how to tell two of them apart. */
import * as v from 'valibot'
import { personProfileEntries } from '../../shared/schema/person.ts'

export interface Address {
  /** The address itself, or the whole value as written when no address could be found in it. */
  address: string
  /** The name in `"Omega" <omega@example.com>`, when there is one. */
  displayName: string
}

/** `mailto:x`, `"Name" <x>`, `Name <x>` and `<x>` → x; anything else as it is, trimmed. */
export function readAddress(value: string): Address {
  const text = value.trim().replace(/^mailto:/i, '')
  const angled = /^(.*?)\s*<([^<>]+)>\s*$/.exec(text)
  if (!angled) return { address: text, displayName: '' }
  const displayName = angled[1]!
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim()
  return { address: angled[2]!.trim().replace(/^mailto:/i, ''), displayName }
}

export function isEmail(address: string): boolean {
  return address !== '' && v.safeParse(personProfileEntries.email, address).success
}

/** Google puts several values in one cell, separated by " ::: " (emails, phones, labels). */
export function splitMulti(value: string): string[] {
  return value
    .split(/\s*:::\s*/)
    .map((part) => part.trim())
    .filter(Boolean)
}

const emailKey = (email: string) => email.trim().toLowerCase()
/** "+34 612-345 678" and "+34612345678" are one number; text without digits is compared as written. */
const phoneKey = (phone: string) => phone.replace(/[^\d+]/g, '') || phone.trim().toLowerCase()

/** The values without repeats, first one kept. */
export function uniqueEmails(values: readonly string[]): string[] {
  return unique(values, emailKey)
}

export function uniquePhones(values: readonly string[]): string[] {
  return unique(values, phoneKey)
}

/** Whether two lists share an address (ignoring case). */
export function shareEmail(a: readonly string[], b: readonly string[]): string | null {
  const keys = new Set(a.map(emailKey).filter(Boolean))
  return b.find((email) => keys.has(emailKey(email))) ?? null
}

/** `extra` appended to `list`, skipping what `list` (or `also`) already holds. */
export function addEmails(list: readonly string[], extra: readonly string[], also: readonly string[] = []): string[] {
  return addNew(list, extra, also, emailKey)
}

export function addPhones(list: readonly string[], extra: readonly string[], also: readonly string[] = []): string[] {
  return addNew(list, extra, also, phoneKey)
}

function unique(values: readonly string[], key: (value: string) => string): string[] {
  return addNew([], values, [], key)
}

function addNew(
  list: readonly string[],
  extra: readonly string[],
  also: readonly string[],
  key: (value: string) => string
): string[] {
  const seen = new Set([...list, ...also].filter((value) => value.trim() !== '').map(key))
  const result = [...list]
  for (const value of extra) {
    const k = key(value)
    if (value.trim() === '' || seen.has(k)) continue
    seen.add(k)
    result.push(value.trim())
  }
  return result
}
