'use client'
/**
 * A translator writes in her language: the inputs of a localized field get that language's
 * `lang` and `dir` (spell checking, the phone's keyboard, a screen reader's voice), rows added
 * to a list later included. Payload sets the direction by its styles, never the language.
 * Rendered by the field's source text (./SourceText.tsx), so only localized fields get it.
 */
import { useEffect, useRef } from 'react'

const editable = 'input[type="text"], input:not([type]), textarea, [contenteditable="true"]'

export function WritingLanguage({ lang, dir }: { lang: string; dir: 'ltr' | 'rtl' }) {
  const marker = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    const field = marker.current?.closest('.field-type')
    if (!field) return
    const apply = () => {
      for (const el of field.querySelectorAll<HTMLElement>(editable)) {
        if (el.lang !== lang) el.lang = lang
        if (el.dir !== dir) el.dir = dir
      }
    }
    apply()
    const observer = new MutationObserver(apply)
    observer.observe(field, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [lang, dir])
  return <span ref={marker} hidden />
}
