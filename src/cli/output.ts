/** Where a command writes: plain text lines on stdout (no colours, so output pipes cleanly), or JSON. */
export interface Output {
  line(text?: string): void
  json(value: unknown): void
}

export const stdout: Output = {
  line: (text = '') => void process.stdout.write(`${text}\n`),
  json: (value) => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

/** "1 person", "3 people". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}

/** Text on one line: line breaks and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Multi-line text indented under a heading. */
export function indented(text: string, indent = '  '): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '' : `${indent}${line.trimEnd()}`))
    .join('\n')
}
