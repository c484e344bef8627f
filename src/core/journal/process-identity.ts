/**
 * Telling one process apart from another that later got the same number. A process id alone is not enough:
 * after a crash or a reboot the number is handed to some other program, and a lock naming it would lock the
 * user out for good. On Linux the kernel says when each process started (ticks since boot, /proc/<pid>/stat)
 * and which boot this is (/proc/sys/kernel/random/boot_id): the pair names one process for all time. Other
 * systems give no such cheap, exact answer, so there a running process with the number is only "maybe".
 */
import { readFileSync } from 'node:fs'

export interface ProcessIdentity {
  /** The kernel's boot id: a different one means the machine restarted since. */
  boot: string
  /** The process's start time in clock ticks since boot. */
  started: string
}

/** Whether a process with this id runs on this machine (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The identity of a running process, or null where the system cannot tell (not Linux, or no /proc). */
export function identityOf(pid: number): ProcessIdentity | null {
  const boot = read('/proc/sys/kernel/random/boot_id')
  const stat = read(`/proc/${pid}/stat`)
  if (!boot || !stat) return null
  // "pid (name) state ppid …": the name may hold spaces and parentheses, so count fields after the last ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // starttime is field 22 of the line; fields[0] is field 3 (state).
  const started = fields[19]
  return started && /^\d+$/.test(started) ? { boot, started } : null
}

/** What the process with this id is, for a person deciding whether it is Rapport ("firefox"), or ''. */
export function commandOf(pid: number): string {
  const cmdline = read(`/proc/${pid}/cmdline`)
  if (cmdline) return cmdline.split('\0').filter(Boolean).join(' ').slice(0, 120)
  return read(`/proc/${pid}/comm`)
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim()
  } catch {
    return ''
  }
}
