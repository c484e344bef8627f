/**
 * A conversation's note, made to sit inside the person's file: its headings go below the conversation's own
 * (so later conversations do not nest under a note's "## Discovery call"), and its checkboxes read as text
 * (so Obsidian's task views list only the real follow-ups). Code blocks are left exactly as written.
 */
import { closedMarkdown } from './markdown-text.ts'

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const ATX = /^( {0,3})(#{1,6})(?=[ \t]|$)/
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/
// A list item (possibly quoted) whose first text is a checkbox: "- [ ] x", "> 1. [x] y".
const CHECKBOX = /^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[([^\]\n])\]/
// Lines that cannot be the text of a Setext heading: blank, list items, quotes, headings, fences, tables.
const NOT_PARAGRAPH = /^\s*$|^ {0,3}([-*+]|\d{1,9}[.)])(\s|$)|^ {0,3}[>#|]|^ {0,3}(`{3,}|~{3,})/

/** `body` with headings shifted down by `shift` levels (at most h6) and checkboxes escaped. */
export function noteMarkdown(body: string, shift: number): string {
  const lines = closedMarkdown(body).split('\n')
  const out: string[] = []
  let fence: string | null = null
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1]
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null
      out.push(line)
      continue
    }
    if (marker) {
      fence = marker
      out.push(line)
      continue
    }
    const previous = out.at(-1)
    const setext = SETEXT.exec(line)
    if (setext && previous !== undefined && !NOT_PARAGRAPH.test(previous) && !ATX.test(previous)) {
      // "Title\n---" is a heading too: rewritten as "#### Title" at its shifted level.
      out[out.length - 1] = `${'#'.repeat(level(setext[1]!.startsWith('=') ? 1 : 2, shift))} ${previous.trim()}`
      continue
    }
    out.push(line.replace(ATX, (_, indent: string, hashes: string) => `${indent}${'#'.repeat(level(hashes.length, shift))}`).replace(CHECKBOX, '$1\\[$2\\]'))
  }
  return out.join('\n')
}

function level(current: number, shift: number): number {
  return Math.min(6, current + shift)
}
