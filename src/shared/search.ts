/** The search call's query and results, shared by main, the renderer and the CLI. */
import { CHANNELS } from './choices.ts'
import * as v from 'valibot'
import { DaySchema, strict, wellFormed } from './schema/common.ts'

export const SEARCH_KINDS = ['person', 'conversation', 'interest', 'challenge', 'followUp'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

export const SearchQuerySchema = strict({
  text: v.pipe(v.string(), v.maxLength(200, 'A search is at most 200 characters.'), wellFormed('A search')),
  tag: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40), wellFormed('A tag'))),
  channel: v.optional(v.picklist(CHANNELS)),
  from: v.optional(DaySchema),
  to: v.optional(DaySchema),
  openFollowUpsOnly: v.optional(v.boolean()),
  /** How many people to return, best first. */
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)))
})
export type SearchQuery = v.InferInput<typeof SearchQuerySchema>

/** [start, end) ranges of matched words, for highlighting. */
export type Marks = Array<[number, number]>

export interface SearchHit {
  kind: SearchKind
  id: string
  title: string
  titleMarks: Marks
  /** A window of the longer text around the first match; empty when only the title matched. */
  snippet: string
  snippetMarks: Marks
  /** The day it happened or is due, when it has one. */
  day: string | null
}

export interface SearchGroup {
  personId: string
  personName: string
  company: string
  role: string
  hits: SearchHit[]
}

export interface SearchResponse {
  groups: SearchGroup[]
  /** How long main took, for the benchmark and the curious. */
  tookMs: number
}
