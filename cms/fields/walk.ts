/**
 * The one walk over Payload field trees that every hook, the sync and the publish use. Payload
 * stores a document by the names of its data fields; rows, collapsibles and unnamed tabs only lay
 * out the admin form, so their children belong to the level around them, and a named tab stores
 * its fields under its name, as a group does.
 */
import type { Field } from 'payload'

/** A field that stores a value under its name. */
export type DataField = Extract<Field, { name: string }>

/** The fields that hold data at this level of a document, in form order. */
export function dataFields(fields: readonly Field[]): DataField[] {
  return fields.flatMap((f): DataField[] => {
    if (f.type === 'tabs') return f.tabs.flatMap((t) => ('name' in t && t.name ? [{ ...t, type: 'group', name: t.name } as DataField] : dataFields(t.fields)))
    if ('name' in f) return [f as DataField]
    return 'fields' in f ? dataFields(f.fields) : []
  })
}

/** The fields one value of `field` holds: a group's or an array row's, a block's by its type. */
export function nestedFields(field: DataField, row?: Record<string, unknown>): Field[] {
  if (field.type === 'blocks') return field.blocks.find((b) => b.slug === row?.blockType)?.fields ?? []
  return 'fields' in field ? field.fields : []
}

/** Whether the field is localized itself or holds a localized field anywhere inside. */
export function holdsLocalized(field: Field): boolean {
  if ('localized' in field && field.localized === true) return true
  if (field.type === 'tabs') return field.tabs.some((t) => t.fields.some(holdsLocalized))
  if (field.type === 'blocks') return field.blocks.some((b) => b.fields.some(holdsLocalized))
  return 'fields' in field && field.fields.some(holdsLocalized)
}
