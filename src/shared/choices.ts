/**
 * The journal's fixed choices, as plain lists. Kept apart from the schemas (which need valibot) so that the
 * renderer can offer them in its pickers without shipping a validator.
 */
export const CHANNELS = ['call', 'meeting', 'email', 'message', 'event', 'chance encounter', 'other'] as const
export type Channel = (typeof CHANNELS)[number]

export const DIRECTIONS = ['i-owe', 'they-owe'] as const
export type Direction = (typeof DIRECTIONS)[number]

export const INTEREST_CATEGORIES = ['sport', 'food', 'hobby', 'family', 'place', 'media', 'other'] as const
export type InterestCategory = (typeof INTEREST_CATEGORIES)[number]

export const CHALLENGE_STATUSES = ['open', 'helped', 'solved'] as const
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number]

export const VALUE_KINDS = ['idea', 'introduction', 'article', 'other'] as const
export type ValueKind = (typeof VALUE_KINDS)[number]

export const RELATIONSHIP_STYLES = ['not-asked', 'relationship', 'transactional'] as const
export type RelationshipStyleKind = (typeof RELATIONSHIP_STYLES)[number]

/**
 * What a CSV column can become. Name parts are joined into the name (prefix, first, middle, last, suffix);
 * several columns may be emails or phones (all are kept) or tags and notes (joined).
 */
export const MAPPED_FIELDS = [
  'name',
  'prefix',
  'firstName',
  'middleName',
  'lastName',
  'suffix',
  'company',
  'role',
  'email',
  'phone',
  'location',
  'note',
  'tags'
] as const
export type MappedField = (typeof MAPPED_FIELDS)[number]
