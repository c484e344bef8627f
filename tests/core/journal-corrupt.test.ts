import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../src/core/api/handlers.ts'
import { JournalSession } from '../../src/core/journal/journal-session.ts'
import { fingerprint, sha256 } from '../support/files.ts'
import { makeTempDir } from '../support/temp-journal.ts'

const cases: Array<[string, string | Buffer, RegExp]> = [
  ['is truncated', '{"schemaVersion": 1, "people": [{"id": "abc', /truncated/],
  ['is cut off right after a value', '{"schemaVersion": 1, "people": [{"id": "abc", "name": "Ada"', /truncated/],
  ['is cut off after a comma', '{"schemaVersion": 1, "people": [],\n', /truncated/],
  ['is empty', '', /empty/],
  ['is not JSON', 'hello, I am not a journal', /not valid JSON/],
  ['starts with a BOM', '\uFEFF{"schemaVersion":1,"people":[]}', /byte-order mark/],
  ['holds null', 'null', /null/],
  ['holds a list', '[]', /a list instead of a journal/],
  ['has the wrong shape', '{"schemaVersion":1,"people":[{"name":42}]}', /not in the expected shape/],
  [
    'breaks its own references',
    JSON.stringify({
      schemaVersion: 2,
      me: { name: '' },
      people: [],
      conversations: [],
      interests: [],
      challenges: [],
      values: [],
      followUps: [
        {
          id: 'fu-00000001',
          personId: 'nobody-0001',
          title: 'x',
          dueDate: '2026-01-01',
          direction: 'i-owe',
          conversationId: null,
          completedOn: null,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z'
        }
      ]
    }),
    /person who is not in the journal/
  ],
  ['has no schemaVersion', '{"people":[]}', /schemaVersion/],
  [
    'comes from a newer Rapport',
    '{"schemaVersion":99,"people":[],"future":true}',
    /newer Rapport \(schema version 99\)/
  ],
  ['holds binary junk', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x80]), /not valid UTF-8 text \(byte 1\)/]
]

let dir = ''
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a journal that cannot be read', () => {
  it.each(cases)(
    'keeps the file byte-identical and explains the problem when it %s',
    async (_label, bytes, problem) => {
      dir = await makeTempDir()
      const file = join(dir, 'journal.json')
      await writeFile(file, bytes)
      const before = await fingerprint(file)

      const session = await JournalSession.open(dir, { owner: 'test' })
      const status = await session.status()
      expect(status.state).toBe('unreadable')
      if (status.state !== 'unreadable') return
      expect(status.problem).toMatch(problem)
      expect(status.file).toBe(file)
      // Every call that would read or write people refuses, naming the file.
      expect(() => session.store()).toThrow(/cannot be read/)
      await session.reopen()
      await session.close()

      expect(await fingerprint(file)).toBe(before)
      // Nothing replaced it with defaults, and no backup of it pretends to be good.
      expect((await readdir(dir)).filter((name) => name.startsWith('journal'))).toEqual(['journal.json'])
    }
  )

  it('offers the newest good backup and, on restore, keeps the unreadable bytes beside the journal', async () => {
    dir = await makeTempDir()
    const first = await JournalSession.open(dir, { owner: 'test', now: () => new Date('2026-11-20T09:00:00') })
    await createHandlers(first).createPerson({ person: { name: 'Ana' } })
    await first.close()
    const file = join(dir, 'journal.json')
    // A later, broken backup must be skipped in favour of an older good one.
    await mkdir(join(dir, 'backups'), { recursive: true })
    await writeFile(join(dir, 'backups', 'manual-2099-01-01T00-00-00-000Z.json'), '{"broken":')
    await writeFile(file, '{"schemaVersion":1,"peo')
    const corruptHash = await sha256(file)

    const session = await JournalSession.open(dir, { owner: 'test' })
    const status = await session.status()
    if (status.state !== 'unreadable') throw new Error('expected an unreadable journal')
    const broken = status.backups.find((b) => b.name.startsWith('manual-'))
    expect(broken?.problem).toMatch(/truncated/)
    const good = status.backups.find((b) => b.problem === '' && b.kind === 'daily')
    expect(good).toBeDefined()

    const restored = await session.restoreBackup(good!.name)
    // Closing refreshed the day's backup, so the last session's work comes back.
    expect(restored).toMatchObject({ state: 'ready', people: 1 })
    expect(session.store().journal.people[0]?.name).toBe('Ana')
    const kept = (await readdir(dir)).filter((name) => name.startsWith('journal.unreadable-'))
    expect(kept).toHaveLength(1)
    expect(await sha256(join(dir, kept[0]!))).toBe(corruptHash)
    await session.close()
  })

  it('refuses to restore a backup that is itself unreadable, changing nothing', async () => {
    dir = await makeTempDir()
    const file = join(dir, 'journal.json')
    await writeFile(file, 'garbage')
    await mkdir(join(dir, 'backups'), { recursive: true })
    await writeFile(join(dir, 'backups', 'daily-2026-11-01.json'), 'also garbage')
    const before = await fingerprint(file)
    const session = await JournalSession.open(dir, { owner: 'test' })
    await expect(session.restoreBackup('daily-2026-11-01.json')).rejects.toThrow(/cannot be read either/)
    await expect(session.restoreBackup('daily-1999-01-01.json')).rejects.toThrow(/no backup called/)
    await session.close()
    expect(await fingerprint(file)).toBe(before)
  })
})
