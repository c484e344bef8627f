import type { BackupInfo, JournalStatus, RapportBridge } from '../../../shared/api.ts'

/** Whether the journal could be opened (or is locked), and the actions when it could not. */
export class JournalState {
  #bridge: RapportBridge
  #status = $state<JournalStatus | null>(null)
  #error = $state('')
  #busy = $state(false)
  #onLock: Array<() => void> = []

  constructor(bridge: RapportBridge) {
    this.#bridge = bridge
  }

  get status(): JournalStatus | null {
    return this.#status
  }
  get error(): string {
    return this.#error
  }
  get busy(): boolean {
    return this.#busy
  }
  /** The newest backup that reads as a good journal: the one to offer first. */
  get newestGood(): BackupInfo | null {
    const status = this.#status
    return status?.state === 'unreadable' ? (status.backups.find((b) => b.problem === '') ?? null) : null
  }

  load(): Promise<void> {
    return this.#run(() => this.#bridge.journalStatus())
  }
  reopen(): Promise<void> {
    return this.#run(() => this.#bridge.reopenJournal())
  }
  restore(name: string): Promise<void> {
    return this.#run(() => this.#bridge.restoreBackup({ name }))
  }
  /** Resolves to '' once unlocked, or why not (a wrong passphrase), shown on the unlock screen. */
  async unlock(passphrase: string): Promise<string> {
    await this.#run(() => this.#bridge.unlockJournal({ passphrase }))
    return this.#error
  }
  /** What the page drops when the journal locks, however it was locked (App registers Undo's copies, …). */
  onLock(drop: () => void): void {
    this.#onLock.push(drop)
  }
  lock(): Promise<void> {
    for (const drop of this.#onLock) drop()
    return this.#run(() => this.#bridge.lockJournal())
  }
  /** A status another call answered with (setting or removing the passphrase). */
  show(status: JournalStatus): void {
    this.#status = status
    this.#error = ''
  }

  async #run(call: () => ReturnType<RapportBridge['journalStatus']>): Promise<void> {
    this.#busy = true
    let result: Awaited<ReturnType<typeof call>>
    try {
      result = await call()
    } catch (error) {
      // A bridge that throws (IPC torn down) must not leave the recovery buttons disabled for good.
      result = {
        ok: false,
        error: { code: 'internal', message: `Rapport could not reach its journal: ${(error as Error).message}` }
      }
    } finally {
      this.#busy = false
    }
    if (result.ok) {
      this.#status = result.value
      this.#error = ''
    } else {
      this.#error = result.error.message
    }
  }
}
