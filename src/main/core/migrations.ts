/**
 * Schema migrations: one step per version, each taking a journal of version N to version N+1.
 * Steps work on plain JSON and never on typed data, because the types only describe the newest version.
 */
import { SCHEMA_VERSION } from '../../shared/schema.ts'

export type JsonObject = Record<string, unknown>
export type MigrationStep = (journal: JsonObject) => JsonObject

/** MIGRATIONS[n] takes a journal from version n to n + 1. Version 1 is the first, so there is none yet. */
export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = {}

export function migrateJournal(
  journal: JsonObject,
  from: number,
  steps: Readonly<Record<number, MigrationStep>> = MIGRATIONS,
  to: number = SCHEMA_VERSION
): JsonObject {
  let current = journal
  for (let version = from; version < to; version++) {
    const step = steps[version]
    if (!step) throw new Error(`migrations: no step from schema version ${version} to ${version + 1}`)
    current = { ...step(current), schemaVersion: version + 1 }
  }
  return current
}
