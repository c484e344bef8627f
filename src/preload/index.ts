/**
 * The bridge: one method per API call, each forwarding its single argument over IPC. Nothing else of
 * Electron or Node reaches the page. Checked against the shared contract with `satisfies`.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { RapportBridge } from '../shared/api.ts'

const bridge = {
  journalStatus: () => ipcRenderer.invoke('journalStatus', {}),
  reopenJournal: () => ipcRenderer.invoke('reopenJournal', {}),
  listBackups: () => ipcRenderer.invoke('listBackups', {}),
  restoreBackup: (input) => ipcRenderer.invoke('restoreBackup', input),
  listPeople: () => ipcRenderer.invoke('listPeople', {}),
  createPerson: (input) => ipcRenderer.invoke('createPerson', input),
  updatePerson: (input) => ipcRenderer.invoke('updatePerson', input),
  deletePerson: (input) => ipcRenderer.invoke('deletePerson', input),
  restorePerson: (input) => ipcRenderer.invoke('restorePerson', input)
} satisfies RapportBridge

contextBridge.exposeInMainWorld('rapport', bridge)
