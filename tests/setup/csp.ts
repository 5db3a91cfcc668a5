/** Browser layer, per test file: a test after which a page reported a CSP violation fails. */
import { afterEach, expect } from 'vitest'
import { takeCspViolations } from '../support/browser.ts'

afterEach(() => {
  expect(takeCspViolations(), 'Content-Security-Policy violations').toEqual([])
})
