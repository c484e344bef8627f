/**
 * Commands main sends to the page: from the application menu, the global shortcut and notifications.
 * The page only listens; it cannot send these.
 */
export const COMMANDS = [
  'open-switcher',
  'quick-capture',
  'go-today',
  'go-people',
  'go-me',
  'go-settings',
  'new-person',
  'log-conversation',
  'export-markdown',
  'export-person',
  'export-json',
  'export-ics',
  'export-vcard',
  'export-person-vcard',
  'import',
  'backup-now',
  'show-shortcuts',
  /** The brief of the people whose ids the detail lists (comma-separated): a meeting reminder was clicked. */
  'open-brief',
  /** A calendar file changed on disk and was read again: views showing meetings reload. */
  'calendar-changed',
  /** File ▸ Lock Journal: a protected journal is saved, closed and its key forgotten. */
  'lock-journal'
] as const
export type Command = (typeof COMMANDS)[number]

export function isCommand(value: unknown): value is Command {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value)
}

/** What a command may carry: ids, comma-separated (never free text from outside). */
export function isDetail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 2000 && /^[A-Za-z0-9_,-]*$/.test(value)
}

/** What the preload adds to the API bridge for listening. */
export interface RapportEvents {
  /** Calls `listener` with each command and its detail ('' for most); returns a function that stops listening. */
  onCommand(listener: (command: Command, detail: string) => void): () => void
}

export const COMMAND_CHANNEL = 'rapport:command'
