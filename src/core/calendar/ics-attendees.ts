/** Who an event is with, as the file says: its organiser and attendees who are people, each once. */
import type ICAL from 'ical.js'

type Component = InstanceType<typeof ICAL.Component>
type Property = InstanceType<typeof ICAL.Property>

export interface RawAttendee {
  name: string
  /** Lower case; '' when the calendar gives none. */
  email: string
  organizer: boolean
  /** PARTSTAT, upper case ('' when absent). */
  status: string
}

const EMAIL = /^[^\s@]+@[^\s@]+$/

export function attendeesOf(vevent: Component): RawAttendee[] {
  const found: RawAttendee[] = []
  const add = (property: Property, organizer: boolean) => {
    const kind = String(property.getParameter('cutype') ?? '').toUpperCase()
    // Rooms and projectors are invited too; they are not people to brief on.
    if (kind === 'RESOURCE' || kind === 'ROOM') return
    const email = emailOf(property)
    const cn = String(property.getParameter('cn') ?? '').trim()
    // Google names the account's own attendee by its address.
    const name = cn.toLowerCase() === email ? '' : cn
    const status = String(property.getParameter('partstat') ?? '').toUpperCase()
    if (!name && !email) return
    const same = found.find((a) => (email ? a.email === email : !a.email && a.name === name))
    if (!same) return void found.push({ name, email, organizer, status })
    same.organizer ||= organizer
    same.name ||= name
    same.status ||= status
  }
  const organizer = vevent.getFirstProperty('organizer')
  if (organizer) add(organizer, true)
  for (const attendee of vevent.getAllProperties('attendee')) add(attendee, false)
  return found
}

/** mailto: in the value, or Apple's EMAIL parameter beside a value of "invalid:nomail". */
function emailOf(property: Property): string {
  const value = String(property.getFirstValue() ?? '').trim()
  const param = property.getParameter('email')
  const email = (/^mailto:(.+)$/i.exec(value)?.[1] ?? (typeof param === 'string' ? param : '')).trim()
  return EMAIL.test(email) ? email.toLowerCase() : ''
}
