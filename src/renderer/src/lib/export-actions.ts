/**
 * The app's exports, each as one call that resolves to what to tell the user ('' when they cancelled the
 * dialog) or fails with the core's message: the menu, Settings and a person's page all say the same.
 */
import type { ApiResults, RapportBridge } from '../../../shared/api.ts'

type MarkdownDone = Extract<ApiResults['exportMarkdown'], { canceled: false }>

export interface ExportActions {
  markdown: () => Promise<string>
  person: (id: string) => Promise<string>
  /** The whole journal; a protected one's encrypted unless `clear`. */
  json: (clear?: boolean) => Promise<string>
  calendar: () => Promise<string>
  /** Everyone, or the people given, as a vCard file. */
  vcard: (personIds?: string[]) => Promise<string>
}

export function exportActions(bridge: RapportBridge): ExportActions {
  const markdown = async (personIds?: string[]) => {
    const result = await bridge.exportMarkdown(personIds ? { personIds } : {})
    if (!result.ok) throw new Error(result.error.message)
    return result.value.canceled ? '' : markdownMessage(result.value)
  }
  return {
    markdown: () => markdown(),
    person: (id) => markdown([id]),
    json: async (clear = false) => {
      const result = await bridge.exportJson(clear ? { clear } : {})
      if (!result.ok) throw new Error(result.error.message)
      if (result.value.canceled) return ''
      const how = result.value.encrypted ? ', encrypted: it opens only in this journal' : ''
      return `Saved the whole journal to ${result.value.file}${how}.`
    },
    calendar: async () => {
      const result = await bridge.exportIcs()
      if (!result.ok) throw new Error(result.error.message)
      if (result.value.canceled) return ''
      const { followUps, keepInTouch, file } = result.value
      return `Saved ${plural(followUps, 'open follow-up')} and ${plural(keepInTouch, 'keep-in-touch date')} to ${file}. Import it into your calendar app.`
    },
    vcard: async (personIds) => {
      const result = await bridge.exportVcard(personIds ? { personIds } : {})
      if (!result.ok) throw new Error(result.error.message)
      if (result.value.canceled) return ''
      return `Saved ${result.value.people === 1 ? '1 contact' : `${result.value.people} contacts`} to ${result.value.file}. Google Contacts, Apple Contacts and Outlook import it.`
    }
  }
}

/** "Exported 41 files to …: 3 updated, 1 renamed, 1 removed. Kept your edited copy of People/Ana.md as …" */
export function markdownMessage(done: MarkdownDone): string {
  const changes = [
    done.written === 0 ? 'everything was up to date' : `${plural(done.written, 'file')} written`,
    ...(done.renamed.length > 0 ? [`${done.renamed.length} renamed`] : []),
    ...(done.removed.length > 0 ? [`${done.removed.length} removed`] : [])
  ]
  const kept = done.kept.map((k) =>
    k.keptAs === k.path ? `Left your edited ${k.path} as it is.` : `Kept your copy of ${k.path} as ${k.keptAs}.`
  )
  return [`Exported ${plural(done.files, 'Markdown file')} to ${done.folder}: ${changes.join(', ')}.`, ...kept].join(
    ' '
  )
}

function plural(count: number, one: string): string {
  return `${count} ${count === 1 ? one : `${one}s`}`
}
