/**
 * A conversation's note, made to sit inside the person's file: its headings go below the conversation's own
 * (so later conversations do not nest under a note's "## Discovery call"), and its checkboxes read as text
 * (so Obsidian's task views list only the real follow-ups). Code is left exactly as written. The note's blocks
 * are found by marked's lexer, the renderer the app itself uses, so "Title\n===" is a heading exactly when a
 * Markdown reader says it is.
 */
import { Lexer } from 'marked'
import type { Token, Tokens } from 'marked'
import { closedMarkdown } from './markdown-text.ts'

// A list item (possibly quoted) whose first text is a checkbox: "- [ ] x", "> 1. [x] y".
const CHECKBOX = /^((?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[([^\]\n])\]/gm

/** `body` with headings shifted down by `shift` levels (at most h6) and checkboxes escaped. */
export function noteMarkdown(body: string, shift: number): string {
  let text = pass(closedMarkdown(body).replace(/\r\n|\r/g, '\n'), shift, 0)
  // An escaped checkbox can end a list where a line after it read as part of the item, and that line may
  // then read as a heading: such headings, still at the conversation's level or above, are moved down too.
  for (let round = 0; round < 3; round++) {
    const next = pass(text, shift, shift)
    if (next === text) break
    text = next
  }
  return text
}

/** Shifts top-level headings down (with `limit`, only those at most that deep) and escapes checkboxes. */
function pass(text: string, shift: number, limit: number): string {
  const tokens = new Lexer({ gfm: true }).lex(text)
  // The lexer's tokens cover the text end to end; if they ever did not, only checkboxes are escaped.
  if (tokens.map((token) => token.raw).join('') !== text) return text.replace(CHECKBOX, '$1\\[$2\\]')
  return tokens.map((token) => block(token, shift, limit)).join('')
}

function block(token: Token, shift: number, limit: number): string {
  if (token.type === 'code') return token.raw
  const heading = token.type === 'heading' ? (token as Tokens.Heading) : null
  if (heading && (limit === 0 || heading.depth <= limit)) {
    const trailing = /\n*$/.exec(token.raw)![0]
    // The heading's own text, a Setext heading's lines joined as a reader shows them.
    const title = heading.text.replace(/\s+/g, ' ').trim()
    return `${'#'.repeat(Math.min(6, heading.depth + shift))}${title ? ` ${title}` : ''}${trailing || ''}`
  }
  return unsetext(token.raw.replace(CHECKBOX, '$1\\[$2\\]'))
}

/**
 * A line of only = or - right under text that was not read as a heading here (in a list item, say) is one in
 * some other Markdown reader; escaped, it reads as the text it is in all of them.
 */
function unsetext(raw: string): string {
  const lines = raw.split('\n')
  return lines
    .map((line, i) =>
      i > 0 && /^ {0,3}(=+|-+)[ \t]*$/.test(line) && lines[i - 1]!.trim() !== '' ? line.replace(/^( *)/, '$1\\') : line
    )
    .join('\n')
}
