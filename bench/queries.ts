/** The queries a seller types, drawn from the journal itself: names with typos, companies, interests, phrases, prefixes. */
import type { Journal } from '../src/shared/schema/journal.ts'
import { words } from '../src/core/search/tokenize.ts'
import type { Random } from './random.ts'

export function makeQueries(journal: Journal, random: Random, count = 210): string[] {
  const person = () => random.pick(journal.people)
  const out: string[] = []
  const per = Math.ceil(count / 5)
  for (let i = 0; i < per; i++) out.push(typo(person().name, random))
  for (let i = 0; i < per; i++) out.push(random.next() < 0.5 ? person().company : person().company.split(' ')[0]!)
  for (let i = 0; i < per; i++) out.push(random.pick(journal.interests).label)
  for (let i = 0; i < per; i++) {
    const body = words(random.pick(journal.conversations).body)
    const at = random.int(0, Math.max(0, body.length - 3))
    out.push(body.slice(at, at + random.int(2, 3)).join(' '))
  }
  for (let i = 0; i < per; i++) out.push(person().name.slice(0, random.int(3, 5)))
  return out.slice(0, count)
}

/** One edit (swap, drop, double, or change a letter) in a word of five letters or more. */
function typo(name: string, random: Random): string {
  const parts = name.split(' ')
  const candidates = parts.map((p, i) => [p, i] as const).filter(([p]) => p.length >= 5)
  if (candidates.length === 0) return name
  const [word, index] = random.pick(candidates)
  const at = random.int(1, word.length - 2)
  const edits = [
    () => word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2),
    () => word.slice(0, at) + word.slice(at + 1),
    () => word.slice(0, at) + word.charAt(at) + word.slice(at),
    () => word.slice(0, at) + 'e' + word.slice(at + 1)
  ]
  parts[index] = random.pick(edits)()
  return parts.join(' ')
}
