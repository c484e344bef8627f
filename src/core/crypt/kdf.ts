/**
 * The passphrase's key: scrypt, memory-hard, from node:crypto. Its parameters are stored in every sealed
 * file's header, so a journal keeps opening if the defaults change. N 2^17, r 8, p 2 takes 128 MiB and
 * about 0.6 s on the development machine (docs/encryption.md): slow enough to make guessing expensive,
 * quick enough to unlock without a wait. Tests pass cheap parameters through the options, never these.
 */
import { scrypt } from 'node:crypto'

export interface KdfParams {
  name: 'scrypt'
  /** CPU and memory cost, a power of two. */
  N: number
  r: number
  p: number
}

export const DEFAULT_KDF: KdfParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 2 }

/** Bounds on what a header may ask for: a damaged or hostile header must not make an unlock take an hour or all memory. */
const MAX_N = 2 ** 22
const MAX_MEMORY = 1024 * 1024 * 1024

export function isKdfParams(value: unknown): value is KdfParams {
  const params = value as KdfParams
  return (
    typeof value === 'object' &&
    value !== null &&
    params.name === 'scrypt' &&
    [params.N, params.r, params.p].every((n) => Number.isSafeInteger(n) && n > 0) &&
    params.N >= 2 &&
    params.N <= MAX_N &&
    (params.N & (params.N - 1)) === 0 &&
    128 * params.N * params.r <= MAX_MEMORY &&
    params.p <= 16
  )
}

/** The 32-byte key-encryption key of `passphrase` (NFC, so the same words typed on another system match). */
export function deriveKey(passphrase: string, salt: Uint8Array, params: KdfParams): Promise<Buffer> {
  const { N, r, p } = params
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 128 * N * r * 2 + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key)
    )
  })
}
