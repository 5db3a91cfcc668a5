/**
 * A moment of a film as a URL fragment (#t-17): the id of its transcript line on the film page,
 * which the film search links to and the player seeks to. Plain code, for pages and browsers.
 */
export const transcriptAnchor = (seconds: number) => `t-${seconds}`

/** The seconds a fragment names ("#t-17", "#t-17.5"), or undefined for any other fragment. */
export function secondsOfAnchor(hash: string): number | undefined {
  const m = /^#t-(\d+(?:\.\d+)?)$/.exec(hash)
  return m ? Number(m[1]) : undefined
}
