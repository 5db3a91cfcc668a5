/**
 * Every page, as it starts rendering at build time, is named to the dependency tracking
 * (lib/page-dependencies.ts): the content it reads from now on is recorded as its own.
 */
import { defineMiddleware } from 'astro:middleware'
import { pageStarts } from './lib/page-dependencies.ts'

export const onRequest = defineMiddleware((context, next) => {
  pageStarts(context.routePattern, context.params)
  return next()
})
