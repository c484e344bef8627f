/** File system errors in plain words, for one-line messages. */
const WORDS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
  EEXIST: 'it already exists'
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code && WORDS[code]) return WORDS[code]
  return error instanceof Error ? error.message : String(error)
}

/** What a non-file is, in words: "a folder", "a named pipe (FIFO)"… (for an fs.Stats that is not a file). */
export function describeFileKind(info: {
  isDirectory(): boolean
  isFIFO(): boolean
  isSocket(): boolean
  isSymbolicLink(): boolean
}): string {
  if (info.isDirectory()) return 'a folder'
  if (info.isFIFO()) return 'a named pipe (FIFO)'
  if (info.isSocket()) return 'a socket'
  if (info.isSymbolicLink()) return 'a link'
  return 'a device'
}

/** An error's message in plain words with the file it is about, when it names one: "/x/y.json: the disk is full". */
export function describeFsFailure(error: NodeJS.ErrnoException): string {
  return error.path ? `${error.path}: ${describeFsError(error)}` : describeFsError(error)
}

export function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    typeof (error as NodeJS.ErrnoException).syscall === 'string'
  )
}
