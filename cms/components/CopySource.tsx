'use client'
/**
 * "Copy the Danish" for a list a translation does not have yet: the Danish rows become the rows
 * of this language, to be translated one by one (never over rows she has written). Payload's own
 * form action adds each row, as its "Add" button does; nothing is saved until she saves.
 */
import { useForm, useFormFields } from '@payloadcms/ui'

export function CopySource({ path, rows, label }: { path: string; rows: Array<Record<string, string>>; label: string }) {
  const { addFieldRow } = useForm()
  const count = useFormFields(([fields]) => fields[path]?.rows?.length ?? 0)
  if (count > 0 || rows.length === 0) return null
  const copy = () => {
    rows.forEach((row, rowIndex) => {
      const subFieldState = Object.fromEntries(Object.entries(row).map(([name, value]) => [name, { value, initialValue: undefined, valid: true }]))
      addFieldRow({ path, rowIndex, schemaPath: path, subFieldState })
    })
  }
  return (
    <button type="button" className="btn btn--style-secondary btn--size-small copy-source" onClick={copy} style={{ marginTop: '0.4rem' }}>
      {label}
    </button>
  )
}
