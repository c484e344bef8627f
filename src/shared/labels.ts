/** How the journal's fixed choices are named to the user, in the app and on the command line alike. */
import type { Channel } from './schema/conversation.ts'
import type { RelationshipStyleKind } from './schema/person.ts'

export const RELATIONSHIP_LABELS: Record<RelationshipStyleKind, string> = {
  'not-asked': 'Not asked yet',
  relationship: 'Wants a relationship',
  transactional: 'Prefers transactional'
}

export const CHANNEL_LABELS: Record<Channel, string> = {
  call: 'Call',
  meeting: 'Meeting',
  email: 'Email',
  message: 'Message',
  event: 'Event',
  'chance encounter': 'Chance encounter',
  other: 'Other'
}
