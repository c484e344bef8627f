/**
 * Times in a calendar file as instants. Zoned and UTC times are ical.js's to convert (with the file's own
 * VTIMEZONEs, which is how a Windows zone name in an Outlook export works). Time zones a file names without
 * defining (RFC 5545 wants a VTIMEZONE for every TZID; exports do not always include one) are read here: an
 * IANA name as it is, a Windows name through the table below, with the platform's own zone data; floating
 * times are the computer's own.
 */
import type ICAL from 'ical.js'
import { zoneOffsetMs } from '../zone-offset.ts'

type Time = InstanceType<typeof ICAL.Time>
type Property = InstanceType<typeof ICAL.Property>

/** An ical.js time as an instant: zoned and UTC times as ical.js says, the others in `zone` (or local). */
export function instant(time: Time, zone: string | null): number {
  if (time.isDate) return new Date(time.year, time.month - 1, time.day).getTime()
  if (time.zone && time.zone.tzid !== 'floating') return time.toUnixTime() * 1000
  return instantOf(time, zone)
}

/** The zone for times ical.js left floating: the TZID's own when the file did not define it, else local. */
export function zoneOf(property: Property): string | null {
  const tzid = property.getParameter('tzid')
  return typeof tzid === 'string' && tzid !== '' ? ianaZone(tzid) : null
}

/** Windows zone names as Outlook writes them → IANA (CLDR windowsZones, the "001" territory). */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'Dateline Standard Time': 'Etc/GMT+12',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Pacific Standard Time (Mexico)': 'America/Tijuana',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time': 'America/Denver',
  'Central America Standard Time': 'America/Guatemala',
  'Central Standard Time': 'America/Chicago',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Canada Central Standard Time': 'America/Regina',
  'SA Pacific Standard Time': 'America/Bogota',
  'Eastern Standard Time': 'America/New_York',
  'US Eastern Standard Time': 'America/Indianapolis',
  'Atlantic Standard Time': 'America/Halifax',
  'SA Western Standard Time': 'America/La_Paz',
  'Pacific SA Standard Time': 'America/Santiago',
  'Newfoundland Standard Time': 'America/St_Johns',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Buenos_Aires',
  'Greenland Standard Time': 'America/Godthab',
  UTC: 'Etc/UTC',
  'Coordinated Universal Time': 'Etc/UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'GTB Standard Time': 'Europe/Bucharest',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'Israel Standard Time': 'Asia/Jerusalem',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Egypt Standard Time': 'Africa/Cairo',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Arabic Standard Time': 'Asia/Baghdad',
  'Arab Standard Time': 'Asia/Riyadh',
  'Russian Standard Time': 'Europe/Moscow',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Iran Standard Time': 'Asia/Tehran',
  'Arabian Standard Time': 'Asia/Dubai',
  'Pakistan Standard Time': 'Asia/Karachi',
  'India Standard Time': 'Asia/Calcutta',
  'Nepal Standard Time': 'Asia/Katmandu',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Taipei Standard Time': 'Asia/Taipei',
  'W. Australia Standard Time': 'Australia/Perth',
  'Korea Standard Time': 'Asia/Seoul',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Cen. Australia Standard Time': 'Australia/Adelaide',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'New Zealand Standard Time': 'Pacific/Auckland'
}

/** The zone a TZID means, for the platform's Intl: an IANA name, or null when it names none Rapport knows. */
function ianaZone(tzid: string): string | null {
  let zone = known.get(tzid)
  if (zone !== undefined) return zone
  // Some exporters prefix the IANA name with the path of their zone database ("/mozilla.org/…/Europe/Oslo").
  const name = tzid.trim().replace(/^"|"$/g, '')
  const candidates = [WINDOWS_ZONES[name], name, name.replace(/^\/?(?:[^/]+\/)*?(?=[A-Z][a-z]+\/)/, '')]
  zone = candidates.find((candidate) => candidate !== undefined && isZone(candidate)) ?? null
  known.set(tzid, zone)
  return zone
}

/** Asking Intl about a zone costs a formatter: each TZID is looked up once. */
const known = new Map<string, string | null>()

function isZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/**
 * The instant a wall-clock time in `zone` means; `zone` null is the computer's own (floating times). A time
 * that falls in a spring-forward gap moves forward with the clocks, as calendar apps do.
 */
function instantOf(clock: WallClock, zone: string | null): number {
  const { year, month, day, hour, minute, second } = clock
  if (zone === null) return new Date(year, month - 1, day, hour, minute, second).getTime()
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  const guess = asUtc - zoneOffsetMs(zone, asUtc)
  const corrected = asUtc - zoneOffsetMs(zone, guess)
  return guess === corrected ? guess : Math.max(guess, corrected)
}
