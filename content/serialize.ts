/**
 * The canonical text form of a content file. Export writes through this, so a seed → export round
 * trip reproduces content/ byte for byte, and diffs in git show only real changes.
 */
import { stringify } from 'yaml'

export function serializeDocument(doc: Record<string, unknown>): string {
  return stringify(doc, {
    lineWidth: 0, // never fold long lines: translators edit sentences, not wrapped fragments
    indent: 2,
    indentSeq: true,
    blockQuote: 'literal',
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    aliasDuplicateObjects: false,
  })
}
