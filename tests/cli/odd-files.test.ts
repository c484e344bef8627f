/**
 * The command line against odd files where the journal should be, and against a disk that cannot take the
 * write: every case answers at once, in words, naming the file, and changes nothing it should not.
 */
import { execFile, execFileSync } from 'node:child_process'
import { chmod, chown, mkdir, readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, CONTACTS, foldersPerTest, rapportIn } from './cli-harness.ts'
import type { CliRun } from './cli-harness.ts'

const { journal, scratch } = foldersPerTest()
const posix = process.platform !== 'win32'
const root = process.getuid?.() === 0

describe.runIf(posix)('a named pipe (FIFO) where journal.json should be', () => {
  it('rapport doctor reports it and exits 1 instead of waiting on it forever', async () => {
    const dir = await scratch()
    execFileSync('mkfifo', [join(dir, 'journal.json')])
    const run = await rapportIn(dir, 'doctor')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      'problem  journal.json is a named pipe (FIFO), not a journal file. Move it out of the way (or pick the folder that holds your journal) and try again.'
    )
    expect(await readdir(dir)).toEqual(['journal.json'])
  })

  it('rapport import refuses it at once and leaves no lock behind', async () => {
    const dir = await scratch()
    execFileSync('mkfifo', [join(dir, 'journal.json')])
    const run = await rapportIn(dir, 'import', join(CONTACTS, 'apple.vcf'))
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `rapport: The journal at ${join(dir, 'journal.json')} cannot be opened: journal.json is a named pipe (FIFO), not a journal file. Move it out of the way (or pick the folder that holds your journal) and try again. Nothing was changed.\n`
    )
    expect(await readdir(dir)).toEqual(['journal.json'])
  })

  it('rapport import refuses a contacts file that is a pipe, rather than hang holding the lock', async () => {
    const { dir } = await journal()
    const pipe = join(await scratch(), 'contacts.vcf')
    execFileSync('mkfifo', [pipe])
    const run = await rapportIn(dir, 'import', pipe)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `rapport: Cannot read ${pipe}: it is a named pipe (FIFO), not a file. Save the contacts to a file and import that.\n`
    )
    expect(await readdir(dir)).not.toContain('journal.json.lock')
  })
})

it('a folder where journal.json should be: a sentence, not EISDIR', async () => {
  const dir = await scratch()
  await mkdir(join(dir, 'journal.json'))
  const run = await rapportIn(dir, 'add', 'Aiyana Redcloud', '--company', 'Prairie Wind Co-op')
  expect(run.code).toBe(1)
  expect(run.stderr).toBe(
    `rapport: The journal at ${join(dir, 'journal.json')} cannot be opened: journal.json is a folder, not a journal file. Move it out of the way (or pick the folder that holds your journal) and try again.\n`
  )
  expect(run.stderr).not.toMatch(/EISDIR/)
})

/** `rapport` run as another user (nobody), as for a journal on a share or a disk that user cannot chmod on. */
function rapportAsNobody(dir: string, ...args: string[]): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, '--data-dir', dir, ...args],
      { uid: 65534, gid: 65534, env: { PATH: process.env.PATH, HOME: dir }, encoding: 'utf8' },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    )
  })
}

describe.runIf(posix && root)('a journal whose mode cannot be changed (it belongs to another user)', () => {
  it('opens and saves, with a warning that it could not be made private, instead of failing on chmod', async () => {
    const { dir, file } = await journal()
    // Root's files that nobody may write but not chmod (EPERM), in a folder nobody may write to.
    await chmod(dir, 0o777)
    await chmod(file, 0o666)
    await chmod(`${file}.log`, 0o666)
    const run = await rapportAsNobody(dir, 'add', 'Sione Tuilagi', '--company', 'Pacific Reef Tours')
    expect(run.stderr).toContain(
      'rapport: warning: Rapport could not make journal.json private to you (permission denied): it has mode 0666, so other users of this computer may be able to read it.'
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Added Sione Tuilagi/)
    expect((await stat(file)).mode & 0o777).toBe(0o666)
    expect(await readFile(`${file}.log`, 'utf8')).toContain('Sione Tuilagi')
  })
})

/** Whether this machine lets a process mount a small tmpfs in its own namespaces (unshare). */
function canMountTmpfs(): boolean {
  try {
    execFileSync('unshare', [
      '--user',
      '--map-root-user',
      '--mount',
      'sh',
      '-c',
      'mount -t tmpfs -o size=64k none /mnt'
    ])
    return true
  } catch {
    return false
  }
}

describe.runIf(posix && canMountTmpfs())('a full disk', () => {
  it('rapport backup names the file it could not write', async () => {
    const { dir } = await journal()
    const mounted = await scratch('rapport-full-')
    await chown(mounted, 0, 0).catch(() => undefined)
    // Inside its own mount namespace: a 192 kB disk holding the journal, filled up but for 8 kB (room for
    // the lock, not for a backup of the journal), then asked for a backup.
    const script = [
      'set -e',
      'mount -t tmpfs -o size=192k none "$1"',
      'cp -a "$2"/. "$1"/',
      'dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null || true',
      'truncate -s -8K "$1/filler"',
      'exec "$3" "$4" --data-dir "$1" backup'
    ].join('\n')
    const run = await new Promise<CliRun>((done) =>
      execFile(
        'unshare',
        ['--user', '--map-root-user', '--mount', 'sh', '-c', script, 'sh', mounted, dir, process.execPath, CLI],
        { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } },
        (error, stdout, stderr) =>
          done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
      )
    )
    expect(run.code).toBe(1)
    // The last line is the failure (a warning that the search index could not be saved may come before it).
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
      `rapport: ${mounted}/backups/${run.stderr.match(/manual-[0-9TZ-]+\.json/)?.[0]}: the disk is full.`
    )
  })
})
