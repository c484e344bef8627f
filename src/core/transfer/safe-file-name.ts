/**
 * File names made from what people typed (a person's name), safe on Windows, macOS and Linux: no path
 * separators or traversal, no characters any of them refuses, no reserved Windows device names, not too long.
 */

/** Stems stay well under every file system's 255 limit, leaving room for " (99).md" and a temp-file prefix. */
export const MAX_STEM_UNITS = 120
export const MAX_STEM_BYTES = 180

const FALLBACK = 'Unnamed'

// Windows refuses these in any file name; macOS Finder shows ':' as '/'.
const FORBIDDEN = /[<>:"/\\|?*]/g
// Line breaks and tabs read as spaces; every other control character goes.
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/g
const CONTROLS = /\p{Cc}/gu
// Bidirectional overrides can make a name display as something else (even another extension).
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
// A lone surrogate is not a character; no file system can store it as one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
// Device names Windows reserves whatever the extension ("CON.md", "com1.backup.md", "NUL .md").
const RESERVED = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])(?= *(\.|$))/i

const encoder = new TextEncoder()
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** A file-name stem (no extension) for `name` that every OS accepts; never empty. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(LONE_SURROGATE, '')
    .replace(WHITESPACE_CONTROLS, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(FORBIDDEN, '_')
    .replace(/\s+/g, ' ')
  return finish(cleaned, MAX_STEM_UNITS, MAX_STEM_BYTES)
}

/**
 * The same stems, with later duplicates numbered "Ana Garcia (2)", "(3)"… Case is ignored, as on the default
 * macOS and Windows file systems. A stem that is itself unique always keeps its name.
 */
export function uniqueNames(stems: readonly string[]): string[] {
  const taken = new Set<string>()
  const keeps = stems.map((stem) => {
    const key = fileKey(stem)
    if (taken.has(key)) return false
    taken.add(key)
    return true
  })
  return stems.map((stem, index) => {
    if (keeps[index]) return stem
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`
      const candidate = finish(stem, MAX_STEM_UNITS - suffix.length, MAX_STEM_BYTES - suffix.length) + suffix
      if (taken.has(fileKey(candidate))) continue
      taken.add(fileKey(candidate))
      return candidate
    }
  })
}

/** Two stems name the same file on a case-insensitive file system when their keys are equal. */
function fileKey(stem: string): string {
  return stem.normalize('NFC').toLowerCase()
}

/** Trims, shortens and un-reserves a cleaned stem. */
function finish(stem: string, maxUnits: number, maxBytes: number): string {
  // Leading dots hide a file on macOS and Linux; trailing dots and spaces are dropped by Windows.
  let result = trimEnds(stem).replace(RESERVED, '$1_')
  if (result.length > maxUnits || encoder.encode(result).length > maxBytes)
    result = trimEnds(shorten(result, maxUnits, maxBytes))
  if (result === '') return FALLBACK
  // Again, in case shortening left only a device name ("CON x̸̨̛…" cut to "CON").
  return result.replace(RESERVED, '$1_')
}

function trimEnds(stem: string): string {
  // A loop rather than /[\s.]+$/, which backtracks quadratically over long runs of spaces.
  let end = stem.length
  while (end > 0 && /[\s.]/.test(stem[end - 1]!)) end--
  return stem.slice(0, end).replace(/^[\s.]+/, '')
}

/** Cuts at a grapheme boundary, so no surrogate pair, accent or emoji sequence is split. */
function shorten(stem: string, maxUnits: number, maxBytes: number): string {
  let result = ''
  let bytes = 0
  for (const { segment } of graphemes.segment(stem)) {
    const size = encoder.encode(segment).length
    if (result.length + segment.length > maxUnits || bytes + size > maxBytes) break
    result += segment
    bytes += size
  }
  return result
}
