/**
 * XLIFF 2.0 for translation agencies: content/ documents ⇄ one XLIFF file per target language.
 * Pure (no Payload); cms/sync/xliff.ts reads and writes the CMS with it. segments.ts says what a
 * unit is, export.ts writes a file, parse.ts reads one, plan.ts matches it against the documents.
 *
 * The file: srcLang="da", trgLang=<locale>; one <file> per collection (id = the collection),
 * in it one <group> per document (id "<collection>.<slug>", name = its Danish title), in that one
 * <unit> per translatable piece of text. A unit's id says where the text lives:
 *
 *   activities.babymassage.title                     a text field
 *   activities.babymassage.steps.2                   item 3 of a list (one unit per Danish item)
 *   municipalities.aarhus.venue.directions           a text inside a group
 *   municipalities.aarhus.localOffers.1.description  a text inside a list of objects
 *
 * Every unit carries the hash of its field's Danish text (content/translations.ts `sourceHash`)
 * as the note "sourceHash: <12 hex>": the library writes notes as plain text (no category
 * attribute), and notes are core XLIFF that CAT tools keep. An import is matched by document,
 * field and that hash: a field whose Danish changed since the export is refused.
 *
 * Texts are plain text in the XML (escaped by the library): Markdown (guide bodies) and WebVTT
 * (subtitles) keep their syntax character for character, with a note telling the translator what
 * to keep. Units say canResegment="no" (the library reads one segment per unit) and
 * xml:space="preserve" (line breaks matter). Trailing white space (a WebVTT file's last line
 * break) is not part of a unit: the library trims it when reading, so the import puts back the
 * Danish text's trailing white space.
 */
export { fieldSegments, unitId, type CollectionDoc, type Refusal, type Segment, type XliffDoc } from './segments.ts'
export { buildXliff, targetLocale, type XliffExport, type XliffExportOptions } from './export.ts'
export { parseXliff, type ImportUnit, type ParsedXliff } from './parse.ts'
export { applyUpdate, planImport, type ImportPlan, type PlannedUpdate } from './plan.ts'
