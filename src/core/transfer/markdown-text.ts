/** Putting the user's text into Markdown and YAML so it reads as typed and cannot change the document around it. */

// What would turn plain text into emphasis, code, links, HTML, entities, strikethrough, or Obsidian's tags,
// math, highlights and comments.
const MARKDOWN_SPECIALS = /[\\`*_[\]<>#$~]|==|%%|&(?=#?\w+;)/g
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
// JSON leaves these raw, but YAML counts them as non-printable (or as line breaks, in YAML 1.1).
const YAML_UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g

/** One line of plain text, escaped so Markdown shows it literally; line breaks and runs of spaces become one space. */
export function inline(text: string): string {
  // Runs of spaces or tabs after a list marker would make the rest of a line a code block.
  return text.replace(/\s+/g, ' ').replace(MARKDOWN_SPECIALS, (special) => special.replace(/./g, '\\$&'))
}

/**
 * Multi-line plain text (notes, "what drives them"): each line escaped, continuation lines indented by
 * `indent` so they stay inside the list item they start in. Leading spaces are dropped so no line becomes code.
 */
export function block(text: string, indent = ''): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line, index) => {
      const escaped = inline(line.trim())
      // A line of only dashes, equals signs or pipes would make the line above a heading or a table.
      const safe = /^[-=|: ]+$/.test(escaped) && /[-=]/.test(escaped) ? `\\${escaped}` : escaped
      return index === 0 || safe === '' ? safe : indent + safe
    })
    .join('\n')
}

/** A conversation's Markdown, as written, except that a code fence left open is closed so it cannot swallow the rest of the file. */
export function closedMarkdown(body: string): string {
  let open: string | null = null
  for (const line of body.split(/\r\n|\r|\n/)) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (!fence) continue
    if (open === null) open = fence
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = null
  }
  const text = body.trimEnd()
  return open === null ? text : `${text}\n${open}`
}

/** A YAML double-quoted string: JSON's escaping, which YAML reads the same, plus what YAML alone forbids. */
export function yamlString(text: string): string {
  return JSON.stringify(text.replace(LONE_SURROGATE, '\ufffd')).replace(
    YAML_UNPRINTABLE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/** A standard Markdown link to a relative path; every segment is percent-encoded, parentheses included. */
export function link(text: string, path: string): string {
  const encoded = path
    .split('/')
    .map((segment) =>
      segment === '..'
        ? segment
        : encodeURIComponent(segment).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    )
    .join('/')
  return `[${inline(text)}](${encoded})`
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
