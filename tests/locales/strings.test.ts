import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { localeCodes, sourceLocale } from '../../locales/registry.ts'

const dir = path.resolve(import.meta.dirname, '../../locales')
const read = async (code: string, file: string) => JSON.parse(await readFile(path.join(dir, code, file), 'utf8'))
const flatten = (o: Record<string, unknown>, prefix = ''): Array<[string, string]> =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]]))
const placeholders = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort()

// Every strings file of the Danish source (common.json and the features' own files).
const namespaces = (await readdir(path.join(dir, sourceLocale))).filter((f) => f.endsWith('.json') && f !== 'meta.json')

describe('UI strings', () => {
  it.each(localeCodes.flatMap((code) => namespaces.map((file) => [code, file])))('%s/%s has every key of the Danish source, with the same placeholders', async (code, file) => {
    const source = new Map(flatten(await read(sourceLocale, file)))
    const strings = new Map(flatten(await read(code, file)))
    expect([...strings.keys()].sort()).toEqual([...source.keys()].sort())
    for (const [key, text] of strings) {
      expect(text.trim(), `${code}: ${key}`).not.toBe('')
      expect(placeholders(text), `${code}: ${key}`).toEqual(placeholders(source.get(key)!))
    }
  })

  it.each(localeCodes)('%s says whether its strings are reviewed', async (code) => {
    const meta = await read(code, 'meta.json')
    expect(['source', 'reviewed', 'machine']).toContain(meta.status)
    if (code === sourceLocale) expect(meta.status).toBe('source')
  })
})
