/** --help everywhere; a command line Rapport cannot run is one line on stderr and exit status 2. */
import { describe, expect, it } from 'vitest'
import { rapport } from './cli-harness.ts'

const COMMANDS = ['search', 'brief', 'export', 'import', 'backup', 'doctor']

describe('help', () => {
  it('lists every command', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const run = await rapport([flag])
      expect(run.code).toBe(0)
      expect(run.stderr).toBe('')
      expect(run.stdout).toContain('Usage: rapport <command>')
      for (const name of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${name} `, 'm'))
      expect(run.stdout).toContain('--data-dir <folder>')
    }
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
    [['search'], /^rapport search: say what to search for/],
    [
      ['search', 'x', '--limit', 'lots'],
      /^rapport search: --limit must be a whole number from 1 to 100, not “lots”\.\n$/
    ],
    [['export', 'pdf', 'out'], /^rapport export: “pdf” is not a format; use markdown or json\.\n$/],
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
