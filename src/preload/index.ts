/**
 * The bridge: one method per API call, each forwarding its single argument over IPC. Nothing else of
 * Electron or Node reaches the page. Checked against the shared contract with `satisfies`.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import type { RapportBridge } from '../shared/api.ts'
import { COMMAND_CHANNEL, isCommand, isDetail } from '../shared/app-commands.ts'
import type { Command, RapportEvents } from '../shared/app-commands.ts'

const bridge = {
  journalStatus: () => ipcRenderer.invoke('journalStatus', {}),
  reopenJournal: () => ipcRenderer.invoke('reopenJournal', {}),
  listBackups: () => ipcRenderer.invoke('listBackups', {}),
  restoreBackup: (input) => ipcRenderer.invoke('restoreBackup', input),
  unlockJournal: (input) => ipcRenderer.invoke('unlockJournal', input),
  lockJournal: () => ipcRenderer.invoke('lockJournal', {}),
  setPassphrase: (input) => ipcRenderer.invoke('setPassphrase', input),
  removePassphrase: () => ipcRenderer.invoke('removePassphrase', {}),
  getToday: () => ipcRenderer.invoke('getToday', {}),
  listPeople: () => ipcRenderer.invoke('listPeople', {}),
  peopleOverview: () => ipcRenderer.invoke('peopleOverview', {}),
  getPersonPage: (input) => ipcRenderer.invoke('getPersonPage', input),
  createPerson: (input) => ipcRenderer.invoke('createPerson', input),
  updatePerson: (input) => ipcRenderer.invoke('updatePerson', input),
  deletePerson: (input) => ipcRenderer.invoke('deletePerson', input),
  undoDelete: (input) => ipcRenderer.invoke('undoDelete', input),
  logConversation: (input) => ipcRenderer.invoke('logConversation', input),
  updateConversation: (input) => ipcRenderer.invoke('updateConversation', input),
  quickCapture: (input) => ipcRenderer.invoke('quickCapture', input),
  deleteConversation: (input) => ipcRenderer.invoke('deleteConversation', input),
  addInterest: (input) => ipcRenderer.invoke('addInterest', input),
  updateInterest: (input) => ipcRenderer.invoke('updateInterest', input),
  deleteInterest: (input) => ipcRenderer.invoke('deleteInterest', input),
  peopleWithInterest: (input) => ipcRenderer.invoke('peopleWithInterest', input),
  addChallenge: (input) => ipcRenderer.invoke('addChallenge', input),
  updateChallenge: (input) => ipcRenderer.invoke('updateChallenge', input),
  deleteChallenge: (input) => ipcRenderer.invoke('deleteChallenge', input),
  addValue: (input) => ipcRenderer.invoke('addValue', input),
  updateValue: (input) => ipcRenderer.invoke('updateValue', input),
  deleteValue: (input) => ipcRenderer.invoke('deleteValue', input),
  addFollowUp: (input) => ipcRenderer.invoke('addFollowUp', input),
  updateFollowUp: (input) => ipcRenderer.invoke('updateFollowUp', input),
  completeFollowUp: (input) => ipcRenderer.invoke('completeFollowUp', input),
  reopenFollowUp: (input) => ipcRenderer.invoke('reopenFollowUp', input),
  deleteFollowUp: (input) => ipcRenderer.invoke('deleteFollowUp', input),
  getBrief: (input) => ipcRenderer.invoke('getBrief', input),
  search: (input) => ipcRenderer.invoke('search', input),
  exportMarkdown: (input) => ipcRenderer.invoke('exportMarkdown', input),
  exportJson: (input) => ipcRenderer.invoke('exportJson', input),
  exportIcs: () => ipcRenderer.invoke('exportIcs', {}),
  exportVcard: (input) => ipcRenderer.invoke('exportVcard', input),
  importPick: () => ipcRenderer.invoke('importPick', {}),
  importRemap: (input) => ipcRenderer.invoke('importRemap', input),
  importApply: (input) => ipcRenderer.invoke('importApply', input),
  importCancel: (input) => ipcRenderer.invoke('importCancel', input),
  backupNow: () => ipcRenderer.invoke('backupNow', {}),
  openBackupsFolder: () => ipcRenderer.invoke('openBackupsFolder', {}),
  moveJournal: () => ipcRenderer.invoke('moveJournal', {}),
  openJournal: () => ipcRenderer.invoke('openJournal', {}),
  getSettings: () => ipcRenderer.invoke('getSettings', {}),
  updateSettings: (input) => ipcRenderer.invoke('updateSettings', input),
  getMeetings: () => ipcRenderer.invoke('getMeetings', {}),
  nextMeetingWith: (input) => ipcRenderer.invoke('nextMeetingWith', input),
  calendarFiles: () => ipcRenderer.invoke('calendarFiles', {}),
  addCalendarFiles: () => ipcRenderer.invoke('addCalendarFiles', {}),
  checkCalendarFiles: () => ipcRenderer.invoke('checkCalendarFiles', {}),
  removeCalendarFile: (input) => ipcRenderer.invoke('removeCalendarFile', input),
  reloadCalendars: () => ipcRenderer.invoke('reloadCalendars', {}),
  matchAttendee: (input) => ipcRenderer.invoke('matchAttendee', input),
  getMe: () => ipcRenderer.invoke('getMe', {}),
  updateMe: (input) => ipcRenderer.invoke('updateMe', input)
} satisfies RapportBridge

const events = {
  onCommand: (listener: (command: Command, detail: string) => void) => {
    // Only known command names and plain details get through; the Electron event object never reaches the page.
    const forward = (_event: IpcRendererEvent, command: unknown, detail: unknown = '') => {
      if (isCommand(command) && isDetail(detail)) listener(command, detail)
    }
    ipcRenderer.on(COMMAND_CHANNEL, forward)
    return () => void ipcRenderer.removeListener(COMMAND_CHANNEL, forward)
  }
} satisfies RapportEvents

contextBridge.exposeInMainWorld('rapport', { ...bridge, ...events })
