/**
 * The same journal protected with a passphrase (docs/encryption.md), beside the clear figures: saves through
 * the handlers (each change-log record sealed), a launch with the saved index (the key given, as once
 * unlocked: the unlock itself is its own figure), and the unlock — scrypt with Rapport's own parameters.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHandlers } from '../src/core/api/handlers.ts'
import { JournalKey } from '../src/core/crypt/journal-key.ts'
import { findKeyWrap } from '../src/core/journal/journal-protection.ts'
import { JournalSession } from '../src/core/journal/journal-session.ts'
import { PASSPHRASE } from '../tests/support/protected-journal.ts'
import { BENCH_NOW } from './generate.ts'
import { launches } from './launch.ts'
import { percentile, round, timeAsync } from './measure.ts'
import { measureSaves } from './saves.ts'

export interface EncryptedFigures {
  encSaveMedianMs: number
  encSaveP95Ms: number
  encLaunchWithSavedIndexMs: number
  unlockMs: number
}

/** Copies the clear journal at `path` into a folder of its own, protects it, and measures it there. */
export async function benchEncrypted(path: string, launchCount: number, unlocks: number): Promise<EncryptedFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-enc-'))
  try {
    await copyFile(path, join(dir, 'journal.json'))
    const now = BENCH_NOW
    const session = await JournalSession.open(dir, { owner: 'app', now: () => now, compaction: { idleMs: Infinity } })
    await session.protect(PASSPHRASE)
    const saves = await measureSaves(session, createHandlers(session, { now: () => now }), now)
    await session.close()
    const wrap = (await findKeyWrap(join(dir, 'journal.json')))!
    const samples: number[] = []
    for (let i = 0; i < unlocks; i++) samples.push((await timeAsync(() => JournalKey.unlock(PASSPHRASE, wrap))).ms)
    const runs = launches(dir, 'encrypted', launchCount)
    return {
      encSaveMedianMs: saves.saveMedianMs,
      encSaveP95Ms: saves.saveP95Ms,
      encLaunchWithSavedIndexMs: round(
        percentile(
          runs.map((run) => run.totalMs),
          50
        )
      ),
      unlockMs: round(percentile(samples, 50))
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
