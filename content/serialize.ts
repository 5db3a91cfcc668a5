/**
 * The canonical text form of a content file. Export writes through this, so a seed → export round
 * trip reproduces content/ byte for byte, and diffs in git show only real changes.
 */
import { stringify } from 'yaml'

export function serializeDocument(doc: unknown): string {
  return stringify(doc, {
    lineWidth: 0, // never fold long lines: translators edit sentences, not wrapped fragments
    indent: 2,
    indentSeq: true,
    blockQuote: 'literal',
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
    aliasDuplicateObjects: false,
    // Quote what a YAML 1.1 reader would take for a number, date or boolean (09:00, 2026-01-27,
    // no), so every tool reads the same strings our 1.2 parser does.
    version: '1.1',
  })
}
