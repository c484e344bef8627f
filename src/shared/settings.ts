/** The app's own preferences (not journal data): kept in settings.json beside the journal. */
import * as v from 'valibot'
import { strict } from './schema/common.ts'
import { LINK_STYLES } from './transfer.ts'
import { CalendarSettingsSchema, defaultCalendarSettings } from './calendar.ts'

/**
 * An Electron accelerator such as "CommandOrControl+Shift+Space": one or more modifiers and one key.
 * Checked here so a typo is refused with a message instead of failing silently in the OS.
 */
export const ACCELERATOR =
  /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|Plus|[`\-=[\];',./\\])$/i

export const SettingsSchema = strict({
  theme: v.picklist(['system', 'light', 'dark'], 'Theme is system, light or dark.'),
  globalShortcut: strict({
    enabled: v.boolean(),
    accelerator: v.pipe(
      v.string(),
      v.trim(),
      v.regex(ACCELERATOR, 'Use a shortcut like CommandOrControl+Shift+Space: modifiers, then one key.')
    )
  }),
  reminders: strict({
    enabled: v.boolean(),
    time: v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 08:30.'))
  }),
  dateFormat: v.picklist(['system', 'iso', 'day-month-year', 'month-day-year'], 'Pick a date format.'),
  firstDayOfWeek: v.picklist(['monday', 'sunday', 'saturday'], 'The week starts on Monday, Sunday or Saturday.'),
  /** Links in Markdown exports: wikilinks inside an Obsidian vault (auto), or always one style. */
  markdownLinks: v.picklist(LINK_STYLES, 'Links are automatic, wikilinks or Markdown links.'),
  /** Calendar files for Today's meetings, the user's own addresses in them, and the meeting reminder. */
  calendar: CalendarSettingsSchema,
  /** A protected journal locks itself after this many minutes without a key or a click in Rapport; 0: never. */
  lockAfterMinutes: v.pipe(
    v.number(),
    v.integer('Lock after a whole number of minutes.'),
    v.minValue(0, 'Lock after 0 (never) to 1,440 minutes.'),
    v.maxValue(1440, 'Lock after 0 (never) to 1,440 minutes.')
  ),
  /** Keep a protected journal's key in the OS keychain (Electron safeStorage), so launches need no passphrase. */
  rememberKey: v.boolean()
})
export type Settings = v.InferOutput<typeof SettingsSchema>

export const SettingsPatchSchema = v.partial(SettingsSchema)
export type SettingsPatch = v.InferInput<typeof SettingsPatchSchema>

export function defaultSettings(): Settings {
  return {
    theme: 'system',
    globalShortcut: { enabled: false, accelerator: 'CommandOrControl+Shift+Space' },
    reminders: { enabled: true, time: '08:30' },
    dateFormat: 'system',
    firstDayOfWeek: 'monday',
    markdownLinks: 'auto',
    calendar: defaultCalendarSettings(),
    lockAfterMinutes: 15,
    rememberKey: false
  }
}
