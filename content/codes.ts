/**
 * Issuing short codes: one per municipality and language, made from the municipality's code and
 * the language code (AAR + ar → AARAR), appended to the registry and never taken out.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { localeCodes } from '../locales/registry.ts'
import type { ContentSet } from './collections.ts'
import { codeRegistryFile } from './load.ts'
import type { IssuedCode } from './schema/index.ts'
import { serializeDocument } from './serialize.ts'

export function missingCodes(set: ContentSet, today: string): IssuedCode[] {
  const taken = new Set([...set.codes.map((c) => c.code), ...set.municipalities.map((m) => m.shortCode)])
  const covered = new Set(set.codes.filter((c) => !c.retired).map((c) => `${c.municipality}/${c.locale}`))
  const out: IssuedCode[] = []
  for (const m of set.municipalities) {
    for (const locale of localeCodes) {
      if (covered.has(`${m.shortCode}/${locale}`)) continue
      let code = `${m.shortCode}${locale.toUpperCase()}`
      for (let n = 2; taken.has(code); n++) code = `${m.shortCode}${locale.toUpperCase()}${n}`
      taken.add(code)
      out.push({ code, municipality: m.shortCode, locale, issued: today })
    }
  }
  return out
}

/** Appends entries to content/shortcodes.yaml, keeping every existing line as it was. */
export async function appendCodes(root: string, entries: IssuedCode[]): Promise<void> {
  if (entries.length === 0) return
  const file = path.join(root, codeRegistryFile)
  const before = await readFile(file, 'utf8').catch(() => '')
  const added = serializeDocument(entries)
  await writeFile(file, before.endsWith('\n') || before === '' ? before + added : `${before}\n${added}`)
}
