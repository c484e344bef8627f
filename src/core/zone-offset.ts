/** How far an IANA time zone is ahead of UTC at an instant, from the platform's own zone data (Intl). */

const formatters = new Map<string, Intl.DateTimeFormat>()

/** The zone's offset from UTC at `instant` (ms since the epoch), in milliseconds; one formatter per zone. */
export function zoneOffsetMs(zone: string, instant: number): number {
  let format = formatters.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    })
    formatters.set(zone, format)
  }
  const part: Record<string, number> = {}
  for (const { type, value } of format.formatToParts(instant)) part[type] = Number(value)
  const asUtc = Date.UTC(part.year!, part.month! - 1, part.day, part.hour, part.minute, part.second)
  return asUtc - Math.floor(instant / 1000) * 1000
}
