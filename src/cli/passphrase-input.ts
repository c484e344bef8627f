/**
 * Where the command line gets a protected journal's passphrase: a file named by --passphrase-file or
 * RAPPORT_PASSPHRASE_FILE (for scripts), or a prompt that does not echo on a terminal. Never from the
 * command line itself, which other users of the computer can see in the process list. It is asked once
 * per run: a command that opens the journal twice (to find a person, then to write) does not ask again.
 */
import { readFile } from 'node:fs/promises'
import { CliError, EXIT_USAGE, UsageError } from './cli-error.ts'
import type { OptionValues } from './command.ts'

export interface PassphraseSource {
  /** The journal's passphrase (for `passphrase set`, the new one): from the file, or asked for once. */
  current(file: string): Promise<string>
  /** A new passphrase for `passphrase change`: --new-passphrase-file, RAPPORT_NEW_PASSPHRASE_FILE, or asked twice. */
  fresh(): Promise<string>
  /** Asks a yes/no question on the terminal; false when there is no terminal to ask on. */
  confirm(question: string): Promise<boolean>
}

export function passphraseSource(options: OptionValues, env: NodeJS.ProcessEnv): PassphraseSource {
  let known: Promise<string> | null = null
  const fileOf = (option: string, variable: string) => {
    const value = options[option]
    return typeof value === 'string' ? value : env[variable] || undefined
  }
  return {
    current(journal) {
      const file = fileOf('passphrase-file', 'RAPPORT_PASSPHRASE_FILE')
      known ??= file ? fromFile(file) : prompt(`Passphrase for ${journal}: `)
      return known
    },
    async fresh() {
      const file = fileOf('new-passphrase-file', 'RAPPORT_NEW_PASSPHRASE_FILE')
      if (file) return fromFile(file)
      return askTwice('New passphrase: ')
    },
    async confirm(question) {
      if (!terminal()) return false
      return /^y(es)?$/i.test((await ask(question, true)).trim())
    }
  }
}

/** A new passphrase typed twice on the terminal, the same both times. */
export async function askTwice(label: string): Promise<string> {
  const first = await prompt(label)
  const again = await prompt('The same again: ')
  if (first !== again) throw new CliError('rapport: the two passphrases differ. Nothing was changed.', EXIT_USAGE)
  return first
}

/** The file's contents without one final line break (as `echo` or an editor leaves it). */
async function fromFile(file: string): Promise<string> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(
      `rapport: the passphrase file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`
    )
  }
  const passphrase = text.replace(/\r?\n$/, '')
  if (passphrase === '') throw new UsageError(`rapport: the passphrase file ${file} is empty.`)
  return passphrase
}

function terminal(): boolean {
  return process.stdin.isTTY && process.stderr.isTTY
}

async function prompt(label: string): Promise<string> {
  if (!terminal())
    throw new UsageError(
      'rapport: the journal is protected with a passphrase. Type it at a terminal, or name a file that holds it with --passphrase-file or RAPPORT_PASSPHRASE_FILE.'
    )
  return ask(label, false)
}

/** One line from the terminal, echoed or not; Ctrl+C stops the command (exit 130), Ctrl+D ends the line. */
function ask(label: string, echo: boolean): Promise<string> {
  const input = process.stdin
  // Echo off before the prompt shows: anything typed (or pasted) after it is never shown.
  input.setRawMode(true)
  process.stderr.write(label)
  input.resume()
  return new Promise((resolve) => {
    let typed = ''
    const done = (value: string) => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      process.stderr.write('\n')
      resolve(value)
    }
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\u0003') {
          input.setRawMode(false)
          process.stderr.write('\n')
          process.exit(130)
        }
        if (char === '\r' || char === '\n' || char === '\u0004') {
          done(typed)
          return
        }
        // Backspace takes the last character typed (a whole code point, as it was typed).
        if (char === '\u007f' || char === '\b') typed = Array.from(typed).slice(0, -1).join('')
        else typed += char
        if (echo) process.stderr.write(char)
      }
    }
    input.on('data', onData)
  })
}
