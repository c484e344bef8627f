/** Their time of day, from the time zone on their profile: so nobody is called at 6 in the morning. */
import type { LocalTime } from '../../shared/pre-call-brief.ts'
import { isTimeZone } from '../../shared/schema/person.ts'
import { zoneOffsetMs } from '../zone-offset.ts'

/** Their working day, in their hours: a call outside it is flagged. */
const WORKDAY = { from: 8, until: 19 }

/** Minutes `zone` is ahead of UTC at `now`. */
function offsetOf(zone: string, now: Date): number {
  return Math.round(zoneOffsetMs(zone, now.getTime()) / 60_000)
}

/** "1 hour ahead of you", "5½ hours behind you", "45 minutes ahead of you", "same time as you". */
export function fromYou(minutes: number): string {
  if (minutes === 0) return 'same time as you'
  const whole = Math.floor(Math.abs(minutes) / 60)
  const rest = Math.abs(minutes) % 60
  const amount =
    rest === 0
      ? `${whole} ${whole === 1 ? 'hour' : 'hours'}`
      : whole === 0
        ? `${rest} minutes`
        : rest === 30
          ? `${whole}½ hours`
          : `${whole} h ${rest} min`
  return `${amount} ${minutes > 0 ? 'ahead of' : 'behind'} you`
}

/** Their local time now, or null when no (valid) time zone is known. */
export function localTimeIn(zone: string, now: Date): LocalTime | null {
  if (zone === '' || !isTimeZone(zone)) return null
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit'
  }).formatToParts(now)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const time = `${part('hour')}:${part('minute')}`
  const hour = Number(part('hour'))
  const afterHours = hour < WORKDAY.from || hour >= WORKDAY.until
  const difference = fromYou(offsetOf(zone, now) + now.getTimezoneOffset())
  const text = `${time} ${part('weekday')} in ${zone} · ${difference}${afterHours ? ' · outside working hours there' : ''}`
  return { zone, time, weekday: part('weekday'), fromYou: difference, afterHours, text }
}
