/** rapport doctor: reports what is wrong with the journal, its backups and the files around them, and changes nothing. */
import { spawn } from 'node:child_process'
import { chmod, copyFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { JournalLock } from '../../src/core/journal/journal-lock.ts'
import { SCHEMA_VERSION } from '../../src/shared/schema/journal.ts'
import { sha256 } from '../support/files.ts'
import { makeTempDir } from '../support/temp-journal.ts'
import { folderSnapshot, foldersPerTest, rapportIn } from './cli-harness.ts'

const { journal, scratch } = foldersPerTest()

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  return new Promise((done) => child.on('exit', () => done(child.pid!)))
}

describe('rapport doctor', () => {
  it('finds a healthy journal healthy: exit 0, every backup checked', async () => {
    const { dir } = await journal()
    const before = await folderSnapshot(dir)
    const run = await rapportIn(dir, 'doctor')
    expect(run.code).toBe(0)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe(`Checking ${dir}`)
    expect(lines[1]).toBe(
      `ok       journal.json is a valid journal (schema version ${SCHEMA_VERSION}): 4 people, 4 conversations, 6 interests, 2 challenges, 1 value you brought, 5 follow-ups.`
    )
    expect(lines.filter((line) => /^ok {7}backups\/(daily|weekly)-.+ is a good backup\.$/.test(line))).toHaveLength(2)
    expect(lines.at(-1)).toBe('No problems found.')
    expect(await folderSnapshot(dir)).toEqual(before)
  })

  it('reports a damaged journal and backup, a stale lock, a leftover temp file and loose permissions: exit 1, nothing changed', async () => {
    const { dir, file } = await journal()
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.slice(0, text.length / 2))
    const [daily] = (await readdir(join(dir, 'backups'))).filter((name) => name.startsWith('daily-'))
    await writeFile(join(dir, 'backups', daily!), '')
    await writeFile(
      join(dir, 'journal.json.lock'),
      JSON.stringify({ pid: await deadPid(), host: hostname(), owner: 'app', since: '' })
    )
    await writeFile(join(dir, '.journal.json.999999999.0b0e7c1a-1111-4222-8333-444455556666.tmp'), '{')
    if (process.platform !== 'win32') await chmod(join(dir, 'backups'), 0o755)
    const before = await folderSnapshot(dir)
    const hash = await sha256(file)

    const run = await rapportIn(dir, 'doctor')
    expect(run.code).toBe(1)
    const problems = run.stdout.split('\n').filter((line) => line.startsWith('problem  '))
    expect(problems).toContain(
      'problem  journal.json cannot be read: The file stops in the middle of the journal: it looks truncated. Open Rapport to restore a backup; it keeps the damaged file.'
    )
    expect(
      problems.some(
        (line) =>
          line.startsWith(`problem  backups/${daily!} (`) && line.endsWith('cannot be restored: The file is empty.')
      )
    ).toBe(true)
    expect(
      problems.some((line) => /journal\.json\.lock was left by process \d+, which is no longer running/.test(line))
    ).toBe(true)
    expect(
      problems.some(
        (line) =>
          line.includes('.journal.json.999999999.') && line.includes('left over from a save that was interrupted')
      )
    ).toBe(true)
    if (process.platform !== 'win32')
      expect(problems).toContain(
        `problem  backups has mode 0755, not 0700: other users of this computer can read it. Fix: chmod 700 "${join(dir, 'backups')}"`
      )
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`${problems.length} problems found. Nothing was changed.`)
    expect(await sha256(file)).toBe(hash)
    expect(await folderSnapshot(dir)).toEqual(before)
  })

  it('--json gives the same findings to scripts', async () => {
    const { dir, file } = await journal()
    if (process.platform !== 'win32') await chmod(file, 0o644)
    const run = await rapportIn(dir, 'doctor', '--json')
    const report = JSON.parse(run.stdout) as {
      healthy: boolean
      folder: string
      findings: Array<{ level: string; text: string }>
    }
    expect(report.folder).toBe(dir)
    expect(report.findings[0]?.level).toBe('ok')
    if (process.platform !== 'win32') {
      expect(run.code).toBe(1)
      expect(report.healthy).toBe(false)
      expect(report.findings).toContainEqual({
        level: 'problem',
        text: `journal.json has mode 0644, not 0600: other users of this computer can read it. Fix: chmod 600 "${file}"`
      })
    }
  })

  it('notes an older journal without upgrading it on disk, and read-only commands read it as is', async () => {
    const dir = await scratch('rapport-cli-')
    const file = join(dir, 'journal.json')
    await copyFile(resolve(import.meta.dirname, '../fixtures/journal-v1.json'), file)
    await chmod(file, 0o600)
    const hash = await sha256(file)
    const run = await rapportIn(dir, 'doctor')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      'note     journal.json is written in schema version 1; Rapport upgrades it, after a backup, the next time it opens it.'
    )
    expect(run.stdout).toContain('note     No backups yet')
    expect((await rapportIn(dir, 'export', 'json', '-')).stdout).toContain(`"schemaVersion": ${SCHEMA_VERSION}`)
    expect(await sha256(file)).toBe(hash)
    expect(await readdir(dir)).toEqual(['journal.json'])
  })

  it('a damaged journal: read-only commands say so in one line, exit 1', async () => {
    const { dir, file } = await journal()
    await writeFile(file, '\ufeff{}')
    const run = await rapportIn(dir, 'search', 'Ana')
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `rapport: The journal at ${file} cannot be read: The file starts with a byte-order mark (BOM). Rapport never writes one, so another program has changed it. Run “rapport doctor”, or open Rapport to restore a backup.\n`
    )
    const importing = await rapportIn(dir, 'import', resolve(import.meta.dirname, '../fixtures/contacts/apple.vcf'))
    expect(importing.code).toBe(1)
    expect(importing.stderr).toMatch(
      /^rapport: The journal at .+ cannot be read: The file starts with a byte-order mark .+ Nothing was changed\./
    )
    expect(await readFile(file, 'utf8')).toBe('\ufeff{}')
  })

  it('--release-lock lets the user out of a lock naming a running program Rapport cannot vouch for', async () => {
    const { dir } = await journal()
    // A lock from before Rapport recorded start times, naming a process that runs but is not Rapport.
    const other = spawn('sleep', ['600'])
    try {
      await new Promise((done) => other.once('spawn', done))
      const lock = join(dir, 'journal.json.lock')
      await writeFile(lock, JSON.stringify({ pid: other.pid, host: hostname(), owner: 'app', since: '' }))
      const refused = await rapportIn(dir, 'add', 'Nadia Haddad')
      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain(`a process with that number is running (“sleep 600”)`)
      expect(refused.stderr).toContain('release the lock with “rapport doctor --release-lock”')
      const checked = await rapportIn(dir, 'doctor')
      expect(checked.stdout).toContain(`note     The journal is open in Rapport (process ${other.pid}), or was`)

      const released = await rapportIn(dir, 'doctor', '--release-lock')
      expect(released.stdout.split('\n')[0]).toBe(
        `Released journal.json.lock: it named process ${other.pid} (“sleep 600”), which Rapport could not show to be Rapport.`
      )
      expect(released.code).toBe(0)
      expect(await readdir(dir)).not.toContain('journal.json.lock')
      expect((await rapportIn(dir, 'add', 'Nadia Haddad')).code).toBe(0)
    } finally {
      other.kill()
    }
  })

  it('--release-lock refuses while the journal is open in a running Rapport, and says there is nothing to release otherwise', async () => {
    const { dir } = await journal()
    const app = await JournalLock.acquire(join(dir, 'journal.json.lock'), 'app')
    try {
      const refused = await rapportIn(dir, 'doctor', '--release-lock')
      expect(refused.code).toBe(1)
      expect(refused.stderr).toBe(
        `rapport: The journal is open in Rapport (process ${process.pid}). Close it there first. The lock was left alone.\n`
      )
      expect(await readdir(dir)).toContain('journal.json.lock')
    } finally {
      await app.release()
    }
    const nothing = await rapportIn(dir, 'doctor', '--release-lock')
    expect(nothing.stdout.split('\n')[0]).toBe('There is no lock on the journal: nothing to release.')
    expect(nothing.code).toBe(0)
  })

  it('says there is no journal in a folder that does not exist', async () => {
    const run = await rapportIn(join(await makeTempDir('rapport-cli-'), 'missing'), 'doctor')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^rapport: No journal at .+missing[\\/]journal\.json yet\./)
  })
})
