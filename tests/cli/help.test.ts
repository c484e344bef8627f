/** --help everywhere; a command line Rapport cannot run is one line on stderr and exit status 2. */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { rapport } from './cli-harness.ts'

const COMMANDS = ['today', 'search', 'brief', 'add', 'log', 'follow-up', 'done', 'export', 'import', 'backup', 'doctor']

describe('help', () => {
  it('lists every command', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const run = await rapport([flag])
      expect(run.code).toBe(0)
      expect(run.stderr).toBe('')
      expect(run.stdout).toContain('Usage: rapport <command>')
      for (const name of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${name} `, 'm'))
      expect(run.stdout).toContain('--data-dir <folder>')
      expect(run.stdout).toMatch(
        /^Exit status:\n {2}0 {3}done\n {2}1 {3}a problem .+\n(?: {6}.+\n)+ {2}2 {3}a command line Rapport cannot run/m
      )
    }
  })

  it('is matched by README’s command-line section: every command, each with an example', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
    const section = readme.slice(readme.indexOf('## Command line'), readme.indexOf('### Markdown in a notes vault'))
    for (const name of COMMANDS) {
      const row = section.split('\n').find((line) => line.startsWith(`| \`rapport ${name}`))
      expect(row, name).toBeDefined()
      expect(row!.split(' | ').at(-1), name).toMatch(new RegExp(`^\`.*rapport ${name}\\b`))
    }
  })

  it('prints its version', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    for (const flag of ['--version', '-v'])
      expect(await rapport([flag])).toEqual({ code: 0, stdout: `rapport ${version}\n`, stderr: '' })
  })

  it('explains each command', async () => {
    for (const name of COMMANDS) {
      const run = await rapport([name, '--help'])
      expect(run.code, name).toBe(0)
      expect(run.stdout).toContain(`Usage: rapport ${name}`)
    }
    expect((await rapport(['help', 'import'])).stdout).toContain('--dry-run')
    expect((await rapport(['search', '-h'])).stdout).toContain('{kind, id, personId, personName, title, snippet}')
  })
})

describe('a wrong command line', () => {
  const wrong: Array<[string[], RegExp]> = [
    [['frobnicate'], /^rapport: “frobnicate” is not a command\. Run “rapport --help” for the commands\.\n$/],
    [['search', '--colour', 'x'], /^rapport search: there is no option “--colour”\. Run “rapport search --help”\.\n$/],
    [['doctor', '--dry-run'], /^rapport doctor: there is no option “--dry-run”/],
    [['search', '--data-dir'], /^rapport search: “--data-dir” needs a value\./],
    [
      ['search', 'x', '--data-dir', ''],
      /^rapport search: “--data-dir” needs a folder, and it was given an empty one\./
    ],
    [['--data-dir=', 'doctor'], /^rapport doctor: “--data-dir” needs a folder, and it was given an empty one\./],
    [['search'], /^rapport search: say what to search for/],
    [
      ['search', 'x', '--limit', 'lots'],
      /^rapport search: --limit must be a whole number from 1 to 100, not “lots”\.\n$/
    ],
    [['export', 'pdf', 'out'], /^rapport export: “pdf” is not a format; use markdown, json, ics or vcard\.\n$/],
    [
      ['export', 'markdown', 'out', '--links', 'html'],
      /^rapport export markdown: --links is auto, wikilinks or markdown; not “html”\.\n$/
    ],
    [['export', 'ics', 'out.ics', '--links', 'markdown'], /^rapport export ics: --links is for markdown only\.\n$/],
    [['add'], /^rapport add: say who/],
    [
      ['add', 'Ana', '--cadence', 'often'],
      /^rapport add: --cadence is a number of days from 1 to 365, not “often”\.\n$/
    ],
    [['log'], /^rapport log: say with whom/],
    [
      ['log', 'Ana', 'x', '--channel', 'fax'],
      /^rapport log: --channel is one of call, meeting, email, message, event, chance encounter, other; not “fax”\.\n$/
    ],
    [['log', 'Ana', 'x', '--date', 'someday'], /^rapport log: “someday” is not a date Rapport understands/],
    [['log', 'Ana', 'x', '--date', '2199-01-01'], /^rapport log: “2199-01-01” has not come yet/],
    [['follow-up', 'Ana'], /^rapport follow-up: say for whom and what/],
    [['follow-up', 'Ana', 'Send it'], /^rapport follow-up: say when it is due/],
    [
      ['follow-up', 'Ana', 'Send it', '--due', 'fri lunch'],
      /^rapport follow-up: “fri lunch” is not a date Rapport understands/
    ],
    [
      ['follow-up', 'Ana', 'Send it', '--due', '2026-02-30'],
      /^rapport follow-up: 2026-02-30 is not a day that exists\.\n$/
    ],
    [['done'], /^rapport done: say which follow-up/],
    [['done', 'a', 'b'], /^rapport done: one id at a time/],
    [['today', 'now'], /^rapport today: takes no arguments/],
    [['export', 'json'], /^rapport export json: say where/],
    [['import'], /^rapport import: say which file/],
    [['backup', 'now'], /^rapport backup: takes no arguments/],
    [['help', 'nope'], /^rapport: “nope” is not a command\./],
    [['-x'], /^rapport: there is no option “-x”\./],
    [[], /^rapport: say what to do/]
  ]
  it.each(wrong)('rapport %j exits 2 with one line', async (args, message) => {
    const run = await rapport(args)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
  })
})
