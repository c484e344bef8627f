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
  'show-shortcuts'
] as const
export type Command = (typeof COMMANDS)[number]

export function isCommand(value: unknown): value is Command {
  return typeof value === 'string' && (COMMANDS as readonly string[]).includes(value)
}

/** What the preload adds to the API bridge for listening. */
export interface RapportEvents {
  /** Calls `listener` with each command; returns a function that stops listening. */
  onCommand(listener: (command: Command) => void): () => void
}

export const COMMAND_CHANNEL = 'rapport:command'
