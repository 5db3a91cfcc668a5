/**
 * The rule for a film's chapters, shared by the content schema and the CMS: each starts inside the
 * film and after the one before it (the player lists them in order and jumps to `start`).
 */
export interface ChapterProblem {
  index: number
  message: string
}

export function chapterProblems(starts: number[], durationSeconds: number | undefined): ChapterProblem[] {
  const problems: ChapterProblem[] = []
  starts.forEach((start, index) => {
    if (durationSeconds !== undefined && start >= durationSeconds) problems.push({ index, message: `starts at ${start} s, which is not inside the film (${durationSeconds} s long)` })
    if (index > 0 && start <= starts[index - 1]!) problems.push({ index, message: `starts at ${start} s, not after the chapter before it (${starts[index - 1]} s); list chapters in order` })
  })
  return problems
}
