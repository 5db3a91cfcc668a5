// Astro builds the public site from content/ alone: no database, no CMS.
import { defineConfig } from 'astro/config'
import mdx from '@astrojs/mdx'
import { cspDirectives, cspScriptResources } from './site/lib/csp.ts'
import { cmsAddress } from './site/lib/ask.ts'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [mdx()],
  // No code on our pages; Shiki's inline styles would also break the policy below.
  markdown: { syntaxHighlight: false },
  // Only our own pages: no prefetch, no telemetry, no third-party requests.
  prefetch: false,
  devToolbar: { enabled: false },
  // A Content-Security-Policy in every page, with the hashes of its scripts and styles.
  security: { csp: { directives: cspDirectives(cmsAddress()), scriptDirective: { resources: cspScriptResources } } },
})
