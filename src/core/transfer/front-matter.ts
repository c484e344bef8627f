/**
 * A person's file properties, the way Obsidian documents them: `aliases` and `tags` as lists, tags that are
 * valid Obsidian tags, dates as unquoted YYYY-MM-DD (Obsidian's Date type), every other string quoted.
 */
import type { Person } from '../../shared/schema/person.ts'
import { yamlString } from './markdown-text.ts'

export interface Properties {
  person: Person
  lastContact: string | null
  /** The day the person was added, and the day anything of theirs last changed. */
  created: string
  updated: string
}

export function frontMatter({ person, lastContact, created, updated }: Properties): string[] {
  const list = (key: string, items: readonly string[]) =>
    items.length === 0 ? [`${key}: []`] : [`${key}:`, ...items.map((item) => `  - ${yamlString(item)}`)]
  return [
    '---',
    `id: ${yamlString(person.id)}`,
    `name: ${yamlString(person.name)}`,
    ...list('aliases', aliasesOf(person.name)),
    `company: ${yamlString(person.company)}`,
    `role: ${yamlString(person.role)}`,
    ...list('tags', obsidianTags(person.tags)),
    `relationship_style: ${yamlString(person.relationshipStyle.kind)}`,
    `cadence_days: ${person.cadenceDays ?? 'null'}`,
    `last_contact: ${lastContact ?? 'null'}`,
    `created: ${created}`,
    `updated: ${updated}`,
    `archived: ${person.archived}`,
    '---'
  ]
}

/**
 * Other names a link may use: the first name, and the name without accents ("Ana Garcia"), so `[[Ana]]` or a
 * name typed on an English keyboard still finds the file.
 */
export function aliasesOf(name: string): string[] {
  const clean = name.replace(/\s+/g, ' ').trim()
  const words = clean.split(' ')
  const candidates = [words.length > 1 ? words[0]! : '', clean.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')]
  const seen = new Set([clean])
  const aliases: string[] = []
  for (const alias of candidates) {
    if (alias === '' || alias === clean || seen.has(alias)) continue
    seen.add(alias)
    aliases.push(alias)
  }
  return aliases
}

/**
 * Tags Obsidian accepts: letters, digits, `_`, `-` and `/` for nesting; no spaces ("Q1 renewal" → "Q1-renewal");
 * at least one character that is not a digit ("2026" → "_2026"). Tags that clean up the same are kept once.
 */
export function obsidianTags(tags: readonly string[]): string[] {
  const out = new Map<string, string>()
  for (const tag of tags) {
    const clean = obsidianTag(tag)
    if (clean !== '' && !out.has(clean.toLowerCase())) out.set(clean.toLowerCase(), clean)
  }
  return [...out.values()]
}

export function obsidianTag(tag: string): string {
  const cleaned = tag
    .normalize('NFC')
    .replace(/^#+/, '')
    .replace(/[^\p{L}\p{M}\p{N}_/-]+/gu, '-')
    .replace(/-*\/[-/]*/g, '/')
    .replace(/-{2,}/g, '-')
    .replace(/^[-/]+|[-/]+$/g, '')
  if (cleaned === '') return ''
  return /^[\p{N}/]+$/u.test(cleaned) ? `_${cleaned}` : cleaned
}
