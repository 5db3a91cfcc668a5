/**
 * Whether a stored document (read with locale 'all') would pass as a content/ file: the content
 * schema and the reserved slugs, on the document as the export writes it. References are checked
 * by the export against the other documents; here only their form. Used at save
 * (cms/hooks/matchContentSchema.ts) and by the preview's export, for each draft.
 */
import type { Field } from 'payload'
import { schemas, type ContentKind } from '../../content/collections.ts'
import { reservedSlugs } from '../../content/urls.ts'
import { isLocaleCode } from '../../locales/registry.ts'
import { contentDocument } from './convert.ts'

type Doc = Record<string, unknown>

export interface Problem {
  /** The field as the admin names it (without the locale). */
  path: string
  message: string
}

const fieldPath = (path: PropertyKey[]) => path.filter((p) => !(typeof p === 'string' && isLocaleCode(p)) && typeof p !== 'symbol').join('.') || 'id'
const shapeOnly = { slugOf: (_: string, id: unknown) => `ref-${String(id)}`, idOf: () => '' }

export function contentProblems(kind: ContentKind, fields: Field[], stored: Doc): Problem[] {
  const content = contentDocument(fields, stored, shapeOnly, () => {})
  if (kind === 'media') content.file = stored.filename
  const problems: Problem[] = []
  const result = schemas[kind].safeParse(content)
  if (!result.success) for (const issue of result.error.issues) problems.push({ path: fieldPath(issue.path), message: issue.message })
  const reserved = (reservedSlugs as Partial<Record<ContentKind, readonly string[]>>)[kind] ?? []
  if (reserved.includes(String(content.slug))) problems.push({ path: 'slug', message: `"${String(content.slug)}" is taken by a page of the site (reserved: ${reserved.join(', ')})` })
  return problems
}
