/**
 * The calls that protect a journal with a passphrase, unlock and lock it (docs/encryption.md); api.ts
 * spreads them into the contract.
 */
import * as v from 'valibot'
import { strict } from './schema/common.ts'

/** A passphrase as typed: never trimmed (spaces may be part of it), never echoed back in a message. */
export const PassphraseSchema = v.pipe(
  v.string('Type the passphrase.'),
  v.minLength(1, 'Type the passphrase.'),
  v.maxLength(1024, 'A passphrase can be at most 1,024 characters.')
)
/** A new passphrase: long enough to make guessing it, at half a second a try, hopeless. */
export const NewPassphraseSchema = v.pipe(
  PassphraseSchema,
  v.check((s) => Array.from(s).length >= 10, 'Use at least 10 characters: a few words you will remember work well.')
)

export const protectionInputs = {
  /** Opens a protected journal with its passphrase (wrong: code 'wrong-passphrase', nothing changed). */
  unlockJournal: strict({ passphrase: PassphraseSchema }),
  /** Saves and closes a protected journal and forgets its key: the unlock screen again. */
  lockJournal: strict({}),
  /**
   * Protects the journal with a passphrase, or changes it. There is no recovery without it, so the user
   * must say they understand (`noRecovery: true`).
   */
  setPassphrase: strict({
    passphrase: NewPassphraseSchema,
    noRecovery: v.literal(true, 'Tick the box to say you understand there is no recovery without the passphrase.')
  }),
  /** Takes the passphrase off: the journal, its log, backups and index are written in clear again. */
  removePassphrase: strict({})
} as const
