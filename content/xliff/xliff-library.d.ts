/**
 * Types for the parts of the `xliff` package (locize, MIT; it ships none) that content/xliff/
 * uses: its JS model of an XLIFF 2.0 document and the two converters.
 */
declare module 'xliff' {
  /** A source or target: plain text, or text mixed with inline elements (objects). */
  export type XliffValue = string | Array<string | Record<string, unknown>> | Record<string, unknown>

  export interface XliffUnit {
    source?: XliffValue
    target?: XliffValue
    /** Plain-text notes; one note is read back as a string, several as an array. */
    note?: string | string[]
    additionalAttributes?: Record<string, string | number>
  }

  export interface XliffGroup {
    groupUnits: Record<string, XliffUnit | XliffGroup>
    additionalAttributes?: Record<string, string | number>
  }

  export interface XliffJs {
    sourceLanguage?: string
    targetLanguage?: string
    xliffVersion?: string
    /** file id → unit or group id → unit or group */
    resources: Record<string, Record<string, XliffUnit | XliffGroup>>
  }

  export function js2xliff(js: XliffJs, options?: { indent?: string; targetXliffVersion?: string }): Promise<string>
  export function xliff2js(xml: string, options?: { namespace?: string }): Promise<XliffJs>
}
