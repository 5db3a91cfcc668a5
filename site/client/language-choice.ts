/** The language chooser: remembers the choice and suggests it (or the phone's language) next time; never redirects. */
export function setUpLanguageChoice(): void {
  const { continueIn, dirs } = JSON.parse(document.getElementById('language-data')!.textContent!) as { continueIn: Record<string, string>; dirs: Record<string, string> }
  const key = 'modersmal-language'
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[hreflang]') as HTMLAnchorElement | null
    if (a)
      try {
        localStorage.setItem(key, a.hreflang)
      } catch {}
  })
  const alias: Record<string, string | null> = { fil: 'tl', 'fa-af': 'prs', 'ku-arab': 'ckb', nb: null }
  const wanted: Array<string | null> = []
  try {
    const saved = localStorage.getItem(key)
    if (saved) wanted.push(saved)
  } catch {}
  for (const l of navigator.languages || [navigator.language]) {
    const lower = String(l).toLowerCase()
    const base = lower.split('-')[0]!
    wanted.push(alias[lower] ?? lower, alias[base] ?? base)
  }
  const code = wanted.find((c) => c && continueIn[c])
  if (code) {
    const p = document.getElementById('suggestion')!
    const a = p.firstElementChild as HTMLAnchorElement
    a.href = `/${code}/`
    a.lang = code
    a.dir = dirs[code]!
    a.hreflang = code
    a.textContent = continueIn[code]!
    p.hidden = false
  }
}
