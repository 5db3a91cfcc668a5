import type { Field } from 'payload'

const sourceText = '/components/SourceText#SourceText'

/**
 * Every localized text, text area and list of a collection gets the Danish text above its input
 * (../components/SourceText.tsx), in the languages that translate it. Fields inside a localized
 * list are part of it: the list shows its Danish rows once.
 */
export function withSourceBeside(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if ('localized' in field && field.localized && (field.type === 'text' || field.type === 'textarea' || field.type === 'array')) {
      const components = (field.admin?.components ?? {}) as { beforeInput?: unknown[] }
      return { ...field, admin: { ...field.admin, components: { ...components, beforeInput: [...(components.beforeInput ?? []), sourceText] } } } as Field
    }
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((t) => ({ ...t, fields: withSourceBeside(t.fields) })) }
    if ('fields' in field && Array.isArray(field.fields)) return { ...field, fields: withSourceBeside(field.fields) } as Field
    return field
  })
}
