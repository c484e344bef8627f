/**
 * A date field's problem in words. Chromium keeps a typed day that does not exist (31 February) out of the
 * field's value, which then reads as empty: its `badInput` is how the field says the user did type one.
 */
export function dayProblem(input: HTMLInputElement | undefined, value: string, whenEmpty: string): string {
  if (input?.validity.badInput) return 'That date does not exist: check the day and the month.'
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? '' : whenEmpty
}
