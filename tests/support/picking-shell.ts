/** A desktop for tests: its dialogs answer with what the test set beforehand, and it records settings applied. */
import type { ShellPort } from '../../src/core/api/shell-port.ts'
import type { Settings } from '../../src/shared/settings.ts'

export class PickingShell implements ShellPort {
  folder: string | null = null
  file: string | null = null
  files: string[] | null = null
  saveAs: string | null = null
  applied: Settings[] = []
  remembered: string[] = []
  pickFolder = async () => this.folder
  pickFile = async () => this.file
  pickFiles = async () => this.files
  pickSaveFile = async () => this.saveAs
  openFolder = async () => undefined
  rememberDataDir = async (dir: string) => void this.remembered.push(dir)
  applySettings = (settings: Settings) => void this.applied.push(settings)
}
