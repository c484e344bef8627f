import { readFile, stat } from 'node:fs/promises'
import { sha256 as sha256Of } from '../../src/core/journal/file-hash.ts'

/** SHA-256 of the file at `path`. */
export async function sha256(path: string): Promise<string> {
  return sha256Of(await readFile(path))
}

/** Content hash plus modification time: equal fingerprints mean the file was not rewritten. */
export async function fingerprint(path: string): Promise<string> {
  const info = await stat(path)
  return `${await sha256(path)}:${info.mtimeMs}:${info.size}`
}

export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'))
}
