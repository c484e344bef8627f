/** rapport backup: a manual backup of the journal's exact bytes, listed beside the app's own. */
import { existsSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listBackups } from '../../src/core/journal/backups.ts'
import { makeTempDir } from '../support/temp-journal.ts'
import { rapportIn, removeAll, seededJournal } from './cli-harness.ts'

let dir = ''
let file = ''
beforeAll(async () => {
  ;({ dir, file } = await seededJournal())
})
afterAll(() => removeAll(dir))

describe('rapport backup', () => {
  it('saves backups/manual-<time>.json holding the journal byte for byte, and releases the lock', async () => {
    const run = await rapportIn(dir, 'backup')
    expect(run.code).toBe(0)
    const name = /^Saved (manual-[\dT-]+Z\.json) in (.+)\.\n$/.exec(run.stdout)
    expect(name?.[2]).toBe(join(dir, 'backups'))
    const backup = join(dir, 'backups', name![1]!)
    expect(await readFile(backup, 'utf8')).toBe(await readFile(file, 'utf8'))
    if (process.platform !== 'win32') expect((await stat(backup)).mode & 0o777).toBe(0o600)
    expect((await listBackups(file)).find((b) => b.name === name![1])).toMatchObject({ kind: 'manual', problem: '' })
    expect(await readdir(dir)).not.toContain('journal.json.lock')
  })

  it('refuses, without creating a journal, when there is none', async () => {
    const empty = await makeTempDir('rapport-cli-')
    try {
      const run = await rapportIn(empty, 'backup')
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/^rapport: No journal at .+journal\.json yet\./)
      expect(existsSync(join(empty, 'journal.json'))).toBe(false)
    } finally {
      await removeAll(empty)
    }
  })
})
