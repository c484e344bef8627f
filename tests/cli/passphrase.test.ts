/**
 * rapport passphrase set|change|remove, and every command on a protected journal: the passphrase from a
 * file (--passphrase-file, RAPPORT_PASSPHRASE_FILE) or a terminal, never from the command line; a wrong
 * one is exit 2, one line, nothing changed. These runs use Rapport's own scrypt parameters (about half a
 * second an unlock), so the file keeps to a few of them.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, folderSnapshot, foldersPerTest, rapport } from './cli-harness.ts'

const folders = foldersPerTest()

async function passphraseFiles(): Promise<{ right: string; wrong: string; fresh: string }> {
  const dir = await folders.scratch('rapport-cli-pass-')
  const files = { right: join(dir, 'right'), wrong: join(dir, 'wrong'), fresh: join(dir, 'fresh') }
  await writeFile(files.right, 'correct horse battery staple\n', { mode: 0o600 })
  await writeFile(files.wrong, 'incorrect horse battery staple\n', { mode: 0o600 })
  await writeFile(files.fresh, 'a whole new passphrase\n', { mode: 0o600 })
  return files
}

describe('rapport passphrase', () => {
  it('protects the journal; commands then read the passphrase from a file, and a wrong one is exit 2 with nothing changed', async () => {
    const { dir } = await folders.journal()
    const pass = await passphraseFiles()
    const refused = await rapport(['--data-dir', dir, 'passphrase', 'set', '--passphrase-file', pass.right])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/no recovery without the passphrase.*Nothing was changed/)
    const set = await rapport([
      '--data-dir',
      dir,
      'passphrase',
      'set',
      '--passphrase-file',
      pass.right,
      '--no-recovery-understood'
    ])
    expect(set.stderr).toBe('')
    expect(set).toMatchObject({
      code: 0,
      stdout: 'The journal, its change log, backups and search index are encrypted now.\n'
    })
    expect((await readFile(join(dir, 'journal.json'))).toString('latin1')).not.toContain('Ana García')
    expect((await readFile(join(dir, 'journal.json'))).subarray(0, 16).toString()).toBe('RAPPORT-SEALED-1')

    const before = await folderSnapshot(dir)
    const noTerminal = await rapport(['--data-dir', dir, 'search', 'Ana'])
    expect(noTerminal.code).toBe(2)
    expect(noTerminal.stderr).toMatch(
      /^rapport: the journal is protected with a passphrase\. .*--passphrase-file or RAPPORT_PASSPHRASE_FILE\.\n$/
    )
    const wrong = await rapport(['--data-dir', dir, 'add', 'Bo Chen'], { RAPPORT_PASSPHRASE_FILE: pass.wrong })
    expect(wrong).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'rapport: That passphrase does not unlock this journal. Nothing was changed.\n'
    })
    expect(await folderSnapshot(dir)).toEqual(before)
    // Never on the command line, where other users see it in the process list.
    expect((await rapport(['--data-dir', dir, 'search', 'Ana', '--passphrase', 'x'])).code).toBe(2)

    const found = await rapport(['--data-dir', dir, 'search', 'Ana', '--json'], { RAPPORT_PASSPHRASE_FILE: pass.right })
    expect(found.code).toBe(0)
    expect(found.stdout).toContain('Ana García')
    const added = await rapport(['--data-dir', dir, '--passphrase-file', pass.right, 'add', 'Bo Chen'])
    expect(added.code).toBe(0)
    expect((await readFile(join(dir, 'journal.json.log'))).toString('latin1')).not.toContain('Bo Chen')
  })

  it('changes the passphrase (the old one is refused after) and takes it off (the journal is clear JSON again)', async () => {
    const { dir } = await folders.journal()
    const pass = await passphraseFiles()
    const run = (...args: string[]) => rapport(['--data-dir', dir, ...args])
    expect((await run('passphrase', 'set', '--passphrase-file', pass.right, '--no-recovery-understood')).code).toBe(0)
    const changed = await run(
      'passphrase',
      'change',
      '--passphrase-file',
      pass.right,
      '--new-passphrase-file',
      pass.fresh
    )
    expect(changed).toMatchObject({
      code: 0,
      stdout: 'The passphrase is changed: every file of the journal opens with the new one only.\n'
    })
    expect((await run('today', '--passphrase-file', pass.right)).code).toBe(2)
    const removed = await run('passphrase', 'remove', '--passphrase-file', pass.fresh)
    expect(removed.code).toBe(0)
    expect(await readFile(join(dir, 'journal.json'), 'utf8')).toContain('Ana García')
    expect((await run('search', 'Ana')).code).toBe(0)
  })

  // util-linux's script(1) gives the command a terminal, as a person at a shell has.
  it.skipIf(!existsSync('/usr/bin/script'))('asks for the passphrase at a terminal without echoing it', async () => {
    const { dir } = await folders.journal()
    const pass = await passphraseFiles()
    await rapport(['--data-dir', dir, 'passphrase', 'set', '--passphrase-file', pass.right, '--no-recovery-understood'])
    const command = [process.execPath, CLI, '--data-dir', dir, 'search', 'Ana'].map((a) => `'${a}'`).join(' ')
    const child = spawn('/usr/bin/script', ['-qec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] })
    let seen = ''
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    child.stdout.on('data', (chunk: Buffer) => {
      const before = seen
      seen += chunk.toString()
      if (!before.includes('Passphrase for') && seen.includes('Passphrase for'))
        child.stdin.write('correct horse battery staple\r')
    })
    expect(await exited).toBe(0)
    expect(seen).toContain(`Passphrase for ${join(dir, 'journal.json')}: `)
    expect(seen).toContain('Ana García')
    expect(seen).not.toContain('battery')
  })
})
