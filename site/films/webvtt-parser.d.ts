/** Types for webvtt-parser (W3C; the package ships none): only what site/films/vtt.ts uses. */
declare module 'webvtt-parser' {
  export interface WebVTTCue {
    id: string
    startTime: number
    endTime: number
    text: string
  }
  export interface WebVTTParseResult {
    cues: WebVTTCue[]
    errors: Array<{ message: string; line: number; col?: number }>
    time: number
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>)
    parse(input: string, mode?: 'subtitles' | 'chapters' | 'metadata'): WebVTTParseResult
  }
  const webvtt: { WebVTTParser: typeof WebVTTParser }
  export default webvtt
}
