import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'

export async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex')
}

/** Content hash plus modification time: equal fingerprints mean the file was not rewritten. */
export async function fingerprint(path: string): Promise<string> {
  const info = await stat(path)
  return `${await sha256(path)}:${info.mtimeMs}:${info.size}`
}

export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'))
}
