/**
 * The journal's lock: while another live process (here, the test runner standing in for the app) holds it,
 * writing commands refuse with the lock's own message and exit 2, and read-only ones still work.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { identityOf } from '../../src/core/journal/process-identity.ts'
import { sha256 } from '../support/files.ts'
import { makeTempDir } from '../support/temp-journal.ts'
import { CONTACTS, folderSnapshot, rapportIn, removeAll, seededJournal } from './cli-harness.ts'

let dir = ''
let file = ''
let out = ''
const HELD = `The journal is open in Rapport (process ${process.pid}). Close it there first.`

beforeAll(async () => {
  ;({ dir, file } = await seededJournal())
  out = await makeTempDir('rapport-cli-out-')
  await writeFile(
    join(dir, 'journal.json.lock'),
    // As the app writes it: the process number, and the boot and start time that make it this process's.
    JSON.stringify({
      pid: process.pid,
      host: hostname(),
      owner: 'app',
      since: new Date().toISOString(),
      ...identityOf(process.pid)
    }),
    { mode: 0o600 }
  )
})
afterAll(() => removeAll(dir, out))

describe('while Rapport has the journal open', () => {
  it.each([
    [['import', join(CONTACTS, 'apple.vcf')]],
    [['import', join(CONTACTS, 'google.csv')]],
    [['backup']],
    [['add', 'Nadia Haddad', '--company', 'Orbit']],
    [['log', 'Ana García', 'Quick check-in.']],
    [['follow-up', 'Ana García', 'Send the deck', '--due', 'tomorrow']],
    [['done', '00000000-0000-4000-8000-000000000000']]
  ])('rapport %j refuses with the lock’s message and exit 2, changing nothing', async (args) => {
    const before = await folderSnapshot(dir)
    const run = await rapportIn(dir, ...args)
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`rapport: ${HELD}\n`)
    expect(await folderSnapshot(dir)).toEqual(before)
  })

  it('read-only commands still work and leave the lock alone', async () => {
    const lock = await readFile(join(dir, 'journal.json.lock'), 'utf8')
    const journal = await sha256(file)
    expect((await rapportIn(dir, 'search', 'Ana')).code).toBe(0)
    expect((await rapportIn(dir, 'brief', 'Kenji')).stdout).toMatch(/^Pre-call brief: Kenji Watanabe/)
    expect((await rapportIn(dir, 'export', 'markdown', join(out, 'md'))).code).toBe(0)
    expect((await rapportIn(dir, 'export', 'json', join(out, 'j.json'))).code).toBe(0)
    expect((await rapportIn(dir, 'export', 'ics', join(out, 'f.ics'))).code).toBe(0)
    expect((await rapportIn(dir, 'today')).stdout).toMatch(/^Today, /)
    expect((await rapportIn(dir, 'import', join(CONTACTS, 'apple.vcf'), '--dry-run')).code).toBe(0)
    const doctor = await rapportIn(dir, 'doctor')
    expect(doctor.code).toBe(0)
    expect(doctor.stdout).toContain(`note     The journal is open in Rapport (process ${process.pid}) right now.`)
    expect(await readFile(join(dir, 'journal.json.lock'), 'utf8')).toBe(lock)
    expect(await sha256(file)).toBe(journal)
  })
})
