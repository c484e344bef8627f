/**
 * The one API contract between the renderer and the main process: each call's name, the schema its single
 * argument must pass, and its result type. Main registers exactly these handlers, the preload exposes exactly
 * these methods, and both are type-checked against this file.
 */
import * as v from 'valibot'
import type { ApiResult } from './errors.ts'
import { ChallengeInputSchema, ValueInputSchema } from './schema/challenge.ts'
import type { Challenge, Value } from './schema/challenge.ts'
import { DaySchema, IdSchema, strict, text } from './schema/common.ts'
import { ConversationInputSchema } from './schema/conversation.ts'
import type { Conversation } from './schema/conversation.ts'
import { FollowUpInputSchema } from './schema/follow-up.ts'
import type { FollowUp } from './schema/follow-up.ts'
import { InterestInputSchema } from './schema/interest.ts'
import type { Interest } from './schema/interest.ts'
import { MeSchema } from './schema/journal.ts'
import type { Me } from './schema/journal.ts'
import { NewPersonSchema, PersonPatchSchema } from './schema/person.ts'
import type { Person } from './schema/person.ts'
import { RemovedSchema } from './schema/removed.ts'
import type { Removed } from './schema/removed.ts'
import { SearchQuerySchema } from './search.ts'
import { SettingsPatchSchema } from './settings.ts'
import type { Settings } from './settings.ts'
import {
  ColumnMappingSchema,
  ExportMarkdownSchema,
  ExportVcardSchema,
  ImportApplySchema,
  TokenSchema
} from './transfer.ts'
import type { CalendarCounts, ExportChanges, ImportOutcome, ImportPreview, Picked } from './transfer.ts'
import type { SearchResponse } from './search.ts'
import type { Brief } from './pre-call-brief.ts'
import type { InterestView, PersonPage, PersonRow, Today } from './views.ts'
import { AttendeeKeySchema } from './calendar.ts'
import type { CalendarFileStatus, MeetingsView, NextMeeting } from './calendar.ts'
import type { BackupInfo, JournalStatus } from './journal-status.ts'
import { protectionInputs } from './protection.ts'

export type { BackupInfo, JournalStatus } from './journal-status.ts'

export const BackupNameSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.json$/, 'That is not the name of a backup file.')
)

/** A follow-up typed while logging a conversation; it is linked to that conversation when saved. */
export const FollowUpDraftSchema = strict({
  personId: IdSchema,
  title: FollowUpInputSchema.entries.title,
  dueDate: DaySchema,
  direction: FollowUpInputSchema.entries.direction
})

const none = strict({})
const byId = strict({ id: IdSchema })

/** Input schemas, one per call. Every call takes one object; unknown keys are refused. */
export const apiInputs = {
  /** Where the journal is and whether it could be read. */
  journalStatus: none,
  /** Read the journal file again (after the user fixed it by hand, say). */
  reopenJournal: none,
  /** Backups beside the journal, newest first, each checked for readability. */
  listBackups: none,
  /** Replace the journal with a backup; the current file is kept beside it, never deleted. */
  restoreBackup: strict({ name: BackupNameSchema }),
  ...protectionInputs,

  /** Overdue and due follow-ups, lapsed keep-in-touch, this week's conversations. */
  getToday: none,
  listPeople: none,
  /** Everyone with what the People list sorts and filters by: last contact, next due, open commitments. */
  peopleOverview: none,
  /** One person's page: profile, commitments both ways, interests, challenges, timeline. */
  getPersonPage: byId,
  createPerson: strict({ person: NewPersonSchema }),
  /** Changes only the fields given. Archiving is `{ archived: true }`. */
  updatePerson: strict({ id: IdSchema, patch: PersonPatchSchema }),
  /** Deletes a person with everything that is only theirs; the result is what Undo needs. */
  deletePerson: byId,
  /** Undo of any delete: puts back exactly what it removed or changed. */
  undoDelete: strict({ removed: RemovedSchema }),

  /** Logs a conversation and the follow-ups agreed in it, in one saved step. */
  logConversation: strict({
    conversation: ConversationInputSchema,
    followUps: v.pipe(v.array(FollowUpDraftSchema), v.maxLength(20, 'At most 20 follow-ups at once.'))
  }),
  updateConversation: strict({ id: IdSchema, conversation: ConversationInputSchema }),
  /**
   * A one-line note on a person, saved as a conversation now (its first line the title), with a follow-up
   * typed as a phrase whose day is read from it ("send deck fri" is due Friday).
   */
  quickCapture: strict({
    personId: IdSchema,
    note: v.pipe(
      ConversationInputSchema.entries.body,
      v.check((s) => s.trim() !== '', 'Write the note.')
    ),
    channel: ConversationInputSchema.entries.channel,
    followUp: text('Follow-up', 200),
    direction: FollowUpInputSchema.entries.direction
  }),
  deleteConversation: byId,

  addInterest: strict({ interest: InterestInputSchema }),
  updateInterest: strict({ id: IdSchema, interest: InterestInputSchema }),
  deleteInterest: byId,
  /** Everyone with an interest of this label (ignoring case and accents). */
  peopleWithInterest: strict({ label: text('Interest', 100, true) }),

  addChallenge: strict({ challenge: ChallengeInputSchema }),
  updateChallenge: strict({ id: IdSchema, challenge: ChallengeInputSchema }),
  deleteChallenge: byId,
  addValue: strict({ value: ValueInputSchema }),
  updateValue: strict({ id: IdSchema, value: ValueInputSchema }),
  deleteValue: byId,

  addFollowUp: strict({ followUp: FollowUpInputSchema }),
  /** Edits a follow-up; a new due date reschedules it. */
  updateFollowUp: strict({ id: IdSchema, followUp: FollowUpInputSchema }),
  /** Marks it done, today unless `on` says otherwise. */
  completeFollowUp: strict({ id: IdSchema, on: v.optional(DaySchema) }),
  reopenFollowUp: byId,
  deleteFollowUp: byId,

  /** The pre-call brief: who they are, what matters to them, open commitments, recent talk, talking points. */
  getBrief: byId,
  /** One search over people, interests, conversations (titles and full notes), challenges and follow-ups. */
  search: strict({ query: SearchQuerySchema }),

  /** Writes (or brings up to date) Markdown files for everyone, or just the people given, in a folder the user picks. */
  exportMarkdown: ExportMarkdownSchema,
  /** Saves the whole journal as one JSON file where the user picks. */
  /**
   * The whole journal as one file. A protected journal's is encrypted with its key (it opens only in this
   * journal) unless `clear` asks for readable JSON.
   */
  exportJson: strict({ clear: v.optional(v.boolean()) }),
  /** Saves a calendar (.ics) of open follow-ups and keep-in-touch dates where the user picks. */
  exportIcs: none,
  /** Saves everyone (or the people given) as a vCard 4.0 file where the user picks. */
  exportVcard: ExportVcardSchema,
  /** Asks for a contacts file (.vcf, .csv) or a Rapport backup (.json) and previews what importing it would do. */
  importPick: none,
  /** CSV only: plans the import again with other columns. */
  importRemap: strict({ token: TokenSchema, mapping: ColumnMappingSchema }),
  /** Imports what was previewed, with the user's choices for duplicates. */
  importApply: ImportApplySchema,
  importCancel: strict({ token: TokenSchema }),
  /** Takes a backup now, beside the automatic ones. */
  backupNow: none,
  openBackupsFolder: none,

  /** Copies the journal, its backups and settings to a folder the user picks and continues there. */
  moveJournal: none,
  /** Continues with the journal in another folder the user picks (a new one starts if it has none). */
  openJournal: none,
  getSettings: none,
  updateSettings: strict({ patch: SettingsPatchSchema }),

  /** Today's meetings and tomorrow morning's from the calendar files, attendees matched to people. */
  getMeetings: none,
  /** The next meeting with this person in the coming weeks, or null. */
  nextMeetingWith: byId,
  /** The calendar files read, each with its count of events or why it cannot be read. */
  calendarFiles: none,
  /** Asks for one or more .ics files and adds those that read as calendars (a web address is refused). */
  addCalendarFiles: none,
  /** Asks for .ics files and reads them without adding them: what adding them would find. */
  checkCalendarFiles: none,
  removeCalendarFile: strict({ file: v.pipe(v.string(), v.maxLength(4096)) }),
  /** Reads every calendar file again now. */
  reloadCalendars: none,
  /** "This attendee is (`is`: true) / is not (false) this person", remembered on the person. */
  matchAttendee: strict({ attendee: AttendeeKeySchema, personId: IdSchema, is: v.boolean() }),

  /** The user's own profile and interests. */
  getMe: none,
  updateMe: strict({ me: MeSchema })
} as const

/** What each call resolves to. */
export interface ApiResults {
  journalStatus: JournalStatus
  reopenJournal: JournalStatus
  listBackups: BackupInfo[]
  restoreBackup: JournalStatus
  unlockJournal: JournalStatus
  lockJournal: JournalStatus
  setPassphrase: JournalStatus
  removePassphrase: JournalStatus
  getToday: Today
  listPeople: Person[]
  peopleOverview: PersonRow[]
  getPersonPage: PersonPage
  createPerson: Person
  updatePerson: Person
  deletePerson: Removed
  undoDelete: true
  logConversation: { conversation: Conversation; followUps: FollowUp[] }
  updateConversation: Conversation
  quickCapture: { conversation: Conversation; followUps: FollowUp[] }
  deleteConversation: Removed
  addInterest: Interest
  updateInterest: Interest
  deleteInterest: Removed
  peopleWithInterest: Person[]
  addChallenge: Challenge
  updateChallenge: Challenge
  deleteChallenge: Removed
  addValue: Value
  updateValue: Value
  deleteValue: Removed
  addFollowUp: FollowUp
  updateFollowUp: FollowUp
  completeFollowUp: FollowUp
  reopenFollowUp: FollowUp
  deleteFollowUp: Removed
  getBrief: Brief
  search: SearchResponse
  /** `files`: how many the export holds; the rest says what changed in a folder exported to before. */
  exportMarkdown: Picked<{ folder: string; files: number; links: 'wikilinks' | 'markdown' } & ExportChanges>
  /** An .ics of open follow-ups and keep-in-touch dates, as all-day events. */
  exportIcs: Picked<{ file: string } & CalendarCounts>
  /** `people`: how many cards the file holds. */
  exportVcard: Picked<{ file: string; people: number }>
  /** `contents`: what the file holds, as in “4 people, 4 conversations, …”. */
  exportJson: Picked<{ file: string; bytes: number; contents: string; encrypted: boolean }>
  importPick: Picked<{ preview: ImportPreview }>
  importRemap: ImportPreview
  importApply: ImportOutcome
  importCancel: true
  backupNow: BackupInfo
  openBackupsFolder: true
  moveJournal: Picked<{ dataDir: string }>
  openJournal: Picked<{ dataDir: string; status: JournalStatus }>
  getSettings: { settings: Settings; problem: string; dataDir: string }
  updateSettings: Settings
  getMeetings: MeetingsView
  nextMeetingWith: NextMeeting | null
  calendarFiles: CalendarFileStatus[]
  /** `added`: the files newly added (one already in the list is not added twice). */
  addCalendarFiles: Picked<{ added: string[]; files: CalendarFileStatus[] }>
  /** Each file as adding it would read it; `problem` names the file by its full path. */
  checkCalendarFiles: Picked<{ files: CalendarFileStatus[] }>
  removeCalendarFile: CalendarFileStatus[]
  reloadCalendars: CalendarFileStatus[]
  /** The person as they are now, with the match remembered. */
  matchAttendee: Person
  getMe: { me: Me; interests: InterestView[] }
  updateMe: Me
}

export type ApiName = keyof typeof apiInputs
export type ApiInput<K extends ApiName> = v.InferInput<(typeof apiInputs)[K]>
export type ApiParsedInput<K extends ApiName> = v.InferOutput<(typeof apiInputs)[K]>

/** Calls that take no argument are called with none. */
type BridgeMethod<K extends ApiName> = [keyof ApiInput<K>] extends [never]
  ? () => Promise<ApiResult<ApiResults[K]>>
  : (input: ApiInput<K>) => Promise<ApiResult<ApiResults[K]>>

/** The object the preload exposes as `window.rapport`. */
export type RapportBridge = { [K in ApiName]: BridgeMethod<K> }

export const apiNames = Object.keys(apiInputs) as ApiName[]

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.hasOwn(apiInputs, name)
}
