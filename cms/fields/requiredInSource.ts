import type { Field, Validate } from 'payload'
import { sourceLocale } from '../../locales/registry.ts'

const isBlank = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0) ||
  // An empty Lexical document: one empty paragraph.
  (typeof v === 'object' && v !== null && 'root' in v && !JSON.stringify(v).includes('"text":'))

/**
 * A localized field marked `required` must be filled in Danish, the source, but may be missing
 * in a translation: a half-translated document can still be published, and the site shows the
 * Danish text with a notice for the missing parts. Payload would otherwise demand every required
 * field in every locale. Applied to whole collections so each field keeps saying `required`.
 */
export function requiredInSourceOnly(fields: Field[]): Field[] {
  return fields.map((field) => {
    if ('fields' in field && Array.isArray(field.fields) && !(field.type === 'array' && 'localized' in field && field.localized)) {
      field = { ...field, fields: requiredInSourceOnly(field.fields) } as Field
    }
    if (!('localized' in field) || !field.localized || !('name' in field)) return field
    const required = ('required' in field && field.required) || (field.type === 'array' && (field.minRows ?? 0) > 0)
    if (!required) return field
    const original = (field as { validate?: Validate }).validate
    const validate: Validate = (value, options) => {
      if (options.req.locale === sourceLocale || options.req.locale === undefined) {
        if (isBlank(value)) return 'This field is required in Danish, the source language.'
      }
      if (isBlank(value)) return true
      return original ? original(value, options) : true
    }
    const { required: _r, ...rest } = field as Field & { required?: boolean; minRows?: number }
    const relaxed = field.type === 'array' ? { ...rest, minRows: undefined } : rest
    return { ...relaxed, validate, admin: { ...(field.admin ?? {}), description: field.admin?.description ?? { da: 'Skal udfyldes på dansk.', en: 'Required in Danish.' } } } as Field
  })
}
