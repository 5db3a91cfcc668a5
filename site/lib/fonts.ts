/**
 * Fonts for scripts that cheap phones often lack, self-hosted from @fontsource (already subset to
 * one script each) and declared only on pages in a language that needs them. No preload: with
 * `font-display: swap` the text shows at once in the phone's own font.
 */
import type { FontFamily } from '../../locales/registry.ts'
import naskh from '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2?url'
import nastaliq from '@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2?url'
import ethiopic from '@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff2?url'
import thai from '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff2?url'

const files: Record<Exclude<FontFamily, 'system'>, string> = {
  'Noto Naskh Arabic': naskh,
  'Noto Nastaliq Urdu': nastaliq,
  'Noto Sans Ethiopic': ethiopic,
  'Noto Sans Thai': thai,
}

/** The @font-face rule and font stack for a language's font, or null for the system font. */
export function fontCss(font: FontFamily): string | null {
  if (font === 'system') return null
  return (
    `@font-face{font-family:'${font}';src:url(${files[font]}) format('woff2');font-display:swap;font-weight:400}` +
    // One weight only: a synthesized bold of Arabic or Ethiopic script is hard to read.
    `body{font-family:'${font}',system-ui,sans-serif;font-synthesis:none}h1,h2,h3,strong,b{font-weight:400}`
  )
}
