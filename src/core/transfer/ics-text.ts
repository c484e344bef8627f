/**
 * The few rules of iCalendar (RFC 5545) text that a calendar of all-day events needs: escaped values, lines
 * folded at 75 octets without splitting a character, CRLF line ends. Written by hand: the npm `ics` package
 * would add three runtime dependencies (yup, nanoid, runes2) for these thirty lines, and has no VTODO.
 */

const encoder = new TextEncoder()

/** A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
export function icsText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\t' ? c : ''))
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
}

/** "2026-12-06" → "20261206" (a DATE value). */
export function icsDate(day: string): string {
  return day.replaceAll('-', '')
}

/** A moment as a UTC DATE-TIME: "20261123T100000Z". */
export function icsStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** One content line, folded: continuation lines start with a space and no line is over 75 octets. */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let size = 0
  for (const char of line) {
    const bytes = encoder.encode(char).length
    // The first line has 75 octets; each continuation 74 after its leading space.
    if (size + bytes > (parts.length === 0 ? 75 : 74)) {
      parts.push(current)
      current = ''
      size = 0
    }
    current += char
    size += bytes
  }
  parts.push(current)
  return parts.join('\r\n ')
}

export function icsLines(lines: readonly string[]): string {
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
