/**
 * WebVTT subtitles: validated with the W3C's parser (webvtt-parser, the one behind the W3C's
 * online validator), and turned into the transcript shown under the player. A broken file is
 * reported with the content file, the language, the line (in the YAML file and in the WebVTT
 * text) and the parser's reason.
 */
import webvtt from 'webvtt-parser'
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml'

export interface Cue {
  id: string
  start: number
  end: number
  text: string
}

export interface VttProblem {
  /** 1-based line in the WebVTT text. */
  line: number
  message: string
}

const parser = new webvtt.WebVTTParser()

/** Parses subtitles strictly: any problem the parser reports is an error. */
export function parseVtt(text: string): { cues: Cue[]; problems: VttProblem[] } {
  const tree = parser.parse(text, 'subtitles')
  const problems = tree.errors.map((e) => ({ line: e.line, message: e.message }))
  if (tree.cues.length === 0 && problems.length === 0) problems.push({ line: 1, message: 'No cues: the file has no subtitle text.' })
  const cues = tree.cues.map((c) => ({ id: c.id, start: c.startTime, end: c.endTime, text: plainText(c.text) }))
  return { cues, problems }
}

/** Cue text without WebVTT markup (<v Speaker>, <i>, <c.class>, timestamps) and entities. */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lrm;/g, '\u200e')
    .replace(/&rlm;/g, '\u200f')
    .replace(/&amp;/g, '&')
}

/** The transcript: one paragraph per cue, its lines joined, with the cue's start time. */
export function transcriptOf(cues: Cue[]): Array<{ start: number; text: string }> {
  return cues.map((c) => ({
    start: c.start,
    text: c.text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' '),
  }))
}

/**
 * Every problem in the films' subtitles, as "films/<slug>.yaml line N (subtitles.<lang>, WebVTT
 * line M): reason". `yamlText` finds the YAML line; without it only the WebVTT line is given.
 */
export function subtitleProblems(film: { slug: string; subtitles?: Partial<Record<string, string>> }, yamlText?: string): string[] {
  const out: string[] = []
  const offsets = yamlText ? blockStarts(yamlText) : new Map<string, number>()
  for (const [lang, text] of Object.entries(film.subtitles ?? {})) {
    if (text === undefined) continue
    const { problems } = parseVtt(text)
    for (const p of problems) {
      const base = offsets.get(lang)
      const where = base !== undefined ? `line ${base + p.line} (subtitles.${lang}, WebVTT line ${p.line})` : `subtitles.${lang}: WebVTT line ${p.line}`
      out.push(`films/${film.slug}.yaml ${where}: ${p.message}`)
    }
  }
  return out
}

/** For each language under `subtitles:`, the YAML line just before its text's first line. */
function blockStarts(yamlText: string): Map<string, number> {
  const lineCounter = new LineCounter()
  const doc = parseDocument(yamlText, { lineCounter })
  const out = new Map<string, number>()
  const subtitles = doc.get('subtitles', true)
  if (!isMap(subtitles)) return out
  for (const pair of subtitles.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || !pair.value.range) continue
    const start = pair.value.range[0]
    // A block scalar (|) starts its text on the next line; a quoted or plain one on its own line.
    const block = pair.value.type === 'BLOCK_LITERAL' || pair.value.type === 'BLOCK_FOLDED'
    out.set(String(pair.key.value), lineCounter.linePos(start).line - (block ? 0 : 1))
  }
  return out
}
