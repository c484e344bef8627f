/**
 * The ranking rules, as numbers. A match counts for more the more it says about the person: their name,
 * then their company and role, then their profile (boundaries, drives, life outside work), then their
 * interests, then the titles of entries, then the text of notes. Recency only orders matches of the same
 * standing: every step between fields is larger than the most recency can add (RECENCY_GAIN).
 */
import type { SearchKind } from '../../shared/search.ts'
import { FIELDS } from './documents.ts'

/** Per kind of document, the weight of a match in its title, about and body fields (documents.ts). */
export const FIELD_WEIGHTS: Readonly<Record<SearchKind, readonly [title: number, about: number, body: number]>> = {
  person: [12, 7, 4.5],
  interest: [3.4, 3.4, 2.6],
  conversation: [2, 2, 1],
  challenge: [2, 2, 1],
  followUp: [2, 2, 1]
}

/** The kinds in the order their codes are numbered in the index's per-document array. */
export const KIND_CODES: readonly SearchKind[] = ['person', 'conversation', 'interest', 'challenge', 'followUp']

/** FIELD_WEIGHTS flattened for the query loop: [kind code × FIELDS + field]. */
export const WEIGHT_TABLE = Float64Array.from(KIND_CODES.flatMap((kind) => [...FIELD_WEIGHTS[kind]]))
if (WEIGHT_TABLE.length !== KIND_CODES.length * FIELDS) throw new Error('weights: one weight per field and kind')

/**
 * How well a vocabulary word matches what was typed: the word itself, a word it begins (while typing),
 * one or two typos away (optimal string alignment: a swap of neighbours is one typo).
 */
export const MATCH_QUALITY = { exact: 1, prefix: 0.7, typo: [1, 0.45, 0.3] } as const

/** A query word of this many letters may have one typo; of TWO_TYPOS_FROM letters, two. */
export const ONE_TYPO_FROM = 5
export const TWO_TYPOS_FROM = 8

/** The most a recent entry gains over an old one: less than the smallest step between fields above (×1.3). */
export const RECENCY_GAIN = 0.2
/** A person seen lately gains up to this much over one not seen in a long time, when matches are equal. */
export const CONTACT_GAIN = 0.1
/** All the words of a query next to each other, in order, count this much more than the same words scattered. */
export const PHRASE_GAIN = 1
/** A person's second and third matching entries add these shares of their own scores to the best one. */
export const MORE_HITS_SHARE = [0.3, 0.15] as const
