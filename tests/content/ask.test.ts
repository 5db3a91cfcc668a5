/** The "call me" contract both sides share: what counts as a phone number, and as the same one. */
import { describe, expect, it } from 'vitest'
import { isPhoneNumber, phoneKey } from '../../content/ask.ts'

describe('a phone number', () => {
  it.each(['52617089', '52 61 70 89', '+45 52 61 70 89', '+46 (70) 123-45-67', '0045 52617089'])('takes %s', (n) => {
    expect(isPhoneNumber(n)).toBe(true)
  })
  it.each(['1234', '5261708', 'five two six', '+45 52 61 70 89 12 34 56 78', '52617089x', '<script>'])('refuses %s', (n) => {
    expect(isPhoneNumber(n)).toBe(false)
  })

  it('is one number however a Danish one is written', () => {
    expect(new Set(['52617089', '52 61 70 89', '+45 52 61 70 89', '0045 52 61 70 89', '+45-52-61-70-89'].map(phoneKey))).toEqual(new Set(['52617089']))
  })

  it('keeps a foreign number apart from a Danish one with the same digits', () => {
    expect(phoneKey('+46 52 61 70 89')).not.toBe(phoneKey('52 61 70 89'))
    expect(phoneKey('+46 52 61 70 89')).toBe(phoneKey('0046 52 61 70 89'))
  })
})
