/** What the app is told about the open journal and its backups (the contract, api.ts, re-exports them). */

export interface BackupInfo {
  name: string
  kind: 'daily' | 'weekly' | 'pre-migration' | 'pre-restore' | 'pre-passphrase' | 'manual'
  createdAt: string
  sizeBytes: number
  /** Empty when the backup reads as a valid journal; otherwise why not. */
  problem: string
}

export type JournalStatus =
  | {
      state: 'ready'
      file: string
      people: number
      /** Why the journal is shown read-only (the user made its file read-only), or ''. */
      readOnly: string
      /** Something to tell the user that does not stop them (its files could not be made private), or ''. */
      warning: string
      /** Whether the journal has a passphrase (its files are encrypted; docs/encryption.md). */
      protected: boolean
    }
  | {
      /** Protected with a passphrase and not unlocked yet (or locked again). */
      state: 'locked'
      file: string
    }
  | {
      state: 'unreadable'
      file: string
      problem: string
      /** false when the file is not one to restore over (a link, a folder, a named pipe): fix it and try again. */
      restorable: boolean
      backups: BackupInfo[]
    }
