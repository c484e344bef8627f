/** One line of the brief: a label of ours, the user's words in quotes exactly as written, and a detail. */
import type { BriefLine } from '../../shared/pre-call-brief.ts'

/** Line breaks and runs of spaces in the user's text become one space, so a quote stays on its line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

export function briefLine(label: string, quote = '', detail = ''): BriefLine {
  const q = oneLine(quote)
  const head = q ? `${label}: “${q}”` : label
  return { label, quote: q, detail, text: detail ? `${head} · ${detail}` : head }
}

/** "1 day", "3 days". */
export function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`
}
