/**
 * Small words that carry no meaning in a search ("the", "about"). Queries drop them, and the index skips
 * them in long text: a third of all the words in notes are these, so skipping them makes indexing faster.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and or the of in on at to for with by from about as that this these those is was are were be been it its my me we our you your they their them what when where who how some any thing things stuff have has had do did will would can could need next'.split(
    ' '
  )
)
