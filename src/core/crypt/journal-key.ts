/**
 * A protected journal's key. Its data key (32 random bytes) encrypts every file with AES-256-GCM; the
 * passphrase only wraps it: scrypt turns the passphrase into a key-encryption key that seals the data key
 * in each file's header. So a wrong passphrase fails to unwrap (told apart from damage by the header's own
 * checksum, sealed-file.ts), and changing the passphrase re-wraps the same data key (as LUKS does) without
 * a moment when a file is readable by neither. Nothing here is ever written in clear, logged or put in a
 * message: only the wrapped key, its salt and parameters, and an id derived from it.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { DEFAULT_KDF, deriveKey, isKdfParams } from './kdf.ts'
import type { KdfParams } from './kdf.ts'

const NONCE = 12
const TAG = 16

/** What a sealed file's header says about its key: how to get it from the passphrase. */
export interface KeyWrap {
  kdf: KdfParams
  /** base64 of the scrypt salt (16 bytes). */
  salt: string
  /** base64 of nonce, encrypted data key and tag. */
  wrap: string
  /** Which data key (16 hex digits of an HMAC of it): files sealed with another key are told apart. */
  key: string
}

/** The passphrase does not unwrap the key (the header is intact, so it is not damage). */
export class WrongPassphrase extends Error {
  override name = 'WrongPassphrase'
  constructor() {
    super('That passphrase does not unlock this journal.')
  }
}

export function isKeyWrap(value: unknown): value is KeyWrap {
  const wrap = value as KeyWrap
  return (
    typeof value === 'object' &&
    value !== null &&
    isKdfParams(wrap.kdf) &&
    typeof wrap.salt === 'string' &&
    typeof wrap.wrap === 'string' &&
    typeof wrap.key === 'string' &&
    /^[0-9a-f]{16}$/.test(wrap.key)
  )
}

export class JournalKey {
  #data: Buffer
  readonly id: string
  /** The wrap new files are sealed with (the current passphrase's). */
  readonly wrap: KeyWrap

  private constructor(data: Buffer, wrap: KeyWrap) {
    this.#data = data
    this.id = wrap.key
    this.wrap = wrap
  }

  /** A new data key, wrapped with `passphrase`. */
  static async create(passphrase: string, kdf: KdfParams = DEFAULT_KDF): Promise<JournalKey> {
    const data = randomBytes(32)
    return new JournalKey(data, await wrapKey(data, passphrase, kdf))
  }

  /** The data key `wrap` holds, or WrongPassphrase. */
  static async unlock(passphrase: string, wrap: KeyWrap): Promise<JournalKey> {
    const kek = await deriveKey(passphrase, Buffer.from(wrap.salt, 'base64'), wrap.kdf)
    const data = gcmOpen(kek, Buffer.from(wrap.wrap, 'base64'), wrapContext(wrap.kdf, wrap.salt, wrap.key))
    kek.fill(0)
    if (!data || keyId(data) !== wrap.key) throw new WrongPassphrase()
    return new JournalKey(data, wrap)
  }

  /** The data key `data` if `wrap` is its (the OS keychain's copy, main/keychain.ts); null if not. */
  static fromData(data: Uint8Array, wrap: KeyWrap): JournalKey | null {
    const copy = Buffer.from(data)
    return keyId(copy) === wrap.key ? new JournalKey(copy, wrap) : null
  }

  /** A copy of the data key, for the OS keychain only (the shell encrypts it with safeStorage). */
  exportData(): Buffer {
    return Buffer.from(this.#live())
  }

  /** The same data key, wrapped with another passphrase (a fresh salt). */
  async rewrapped(passphrase: string, kdf: KdfParams = this.wrap.kdf): Promise<JournalKey> {
    return new JournalKey(Buffer.from(this.#data), await wrapKey(this.#data, passphrase, kdf))
  }

  /** nonce | ciphertext | tag, with `context` authenticated alongside. */
  seal(plain: Uint8Array, context: Uint8Array): Buffer {
    const stream = this.sealer(context)
    return Buffer.concat([stream.update(plain), stream.final()])
  }

  /** The plain bytes, or null when the blob or its context was changed (or is another key's). */
  open(blob: Uint8Array, context: Uint8Array): Buffer | null {
    return gcmOpen(this.#live(), blob, context)
  }

  /** Sealing in pieces (a snapshot written in slices): update() per piece, then final() for the tag. */
  sealer(context: Uint8Array): { update: (plain: Uint8Array) => Buffer; final: () => Buffer } {
    const nonce = randomBytes(NONCE)
    const cipher = createCipheriv('aes-256-gcm', this.#live(), nonce)
    cipher.setAAD(context)
    let first = true
    return {
      update: (plain) => {
        const out = cipher.update(plain)
        if (!first) return out
        first = false
        return Buffer.concat([nonce, out])
      },
      final: () => Buffer.concat([first ? nonce : Buffer.alloc(0), cipher.final(), cipher.getAuthTag()])
    }
  }

  /**
   * Overwrites the data key in memory. JavaScript cannot promise more: copies node:crypto made inside
   * OpenSSL are freed, not wiped, and the passphrase's string lives until the garbage collector reuses it.
   */
  forget(): void {
    this.#data.fill(0)
    this.#data = Buffer.alloc(0)
  }

  #live(): Buffer {
    if (this.#data.length === 0) throw new Error('journal-key: the key was forgotten (the journal is locked)')
    return this.#data
  }
}

async function wrapKey(data: Buffer, passphrase: string, kdf: KdfParams): Promise<KeyWrap> {
  const salt = randomBytes(16).toString('base64')
  const key = keyId(data)
  const kek = await deriveKey(passphrase, Buffer.from(salt, 'base64'), kdf)
  const nonce = randomBytes(NONCE)
  const cipher = createCipheriv('aes-256-gcm', kek, nonce)
  cipher.setAAD(wrapContext(kdf, salt, key))
  const wrapped = Buffer.concat([nonce, cipher.update(data), cipher.final(), cipher.getAuthTag()])
  kek.fill(0)
  return { kdf, salt, wrap: wrapped.toString('base64'), key }
}

/** The parameters and salt are bound to the wrapped key: a header cannot be given cheaper ones. */
function wrapContext(kdf: KdfParams, salt: string, key: string): Buffer {
  return Buffer.from(`rapport-key-wrap ${kdf.name} ${kdf.N} ${kdf.r} ${kdf.p} ${salt} ${key}`)
}

function keyId(data: Buffer): string {
  return createHmac('sha256', data).update('rapport key id').digest('hex').slice(0, 16)
}

function gcmOpen(key: Buffer, blob: Uint8Array, context: Uint8Array): Buffer | null {
  if (blob.length < NONCE + TAG) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, NONCE))
    decipher.setAAD(context)
    decipher.setAuthTag(blob.subarray(blob.length - TAG))
    const plain = decipher.update(blob.subarray(NONCE, blob.length - TAG))
    // GCM's final() checks the tag and adds no bytes: no concat, which copied a whole snapshot (~40 ms at M).
    decipher.final()
    return plain
  } catch {
    return null
  }
}
