/**
 * How often the public may ask: counted in this admin process's memory, per sending address and
 * per phone number (as a keyed digest: no number is held in memory as text). Counts are lost on a
 * restart, which only ever lets a few more through. Several admin processes behind one proxy each
 * count their own; see README "Scaling out".
 */
import { createHmac, randomBytes } from 'node:crypto'
import { phoneKey } from '../../../../content/ask.ts'
import { AddressLimit, SlidingWindow } from '../slidingWindow.ts'

export interface AskLimits {
  /** Posts from one address in 10 minutes, and in a day. */
  perAddress10Min: number
  perAddressDay: number
  /** Referrals stored for one phone number in a day; more are answered alike and not stored. */
  perPhoneDay: number
  /** Referrals stored in an hour from everyone together: a flood from many addresses stops here. */
  allHour: number
}

export const defaultAskLimits: AskLimits = { perAddress10Min: 5, perAddressDay: 20, perPhoneDay: 2, allHour: 300 }

/** MODERSMAL_ASK_LIMITS="perAddress10Min=5,perPhoneDay=2": any of the four, the rest as default. */
export function askLimitsFromEnv(value = process.env.MODERSMAL_ASK_LIMITS): AskLimits {
  const limits = { ...defaultAskLimits }
  for (const part of (value ?? '').split(',').filter(Boolean)) {
    const [key, n] = part.split('=').map((s) => s.trim())
    if (!key || !(key in limits) || !/^\d+$/.test(n ?? '')) throw new Error(`MODERSMAL_ASK_LIMITS: "${part}" is not one of ${Object.keys(limits).join(', ')} = a whole number`)
    limits[key as keyof AskLimits] = Number(n)
  }
  return limits
}

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour
export type AskVerdict = 'store' | 'busy-address' | 'busy-all' | 'drop'

export class AskCounter {
  private readonly address: AddressLimit
  private readonly phoneDay = new SlidingWindow(day)
  private readonly all = new SlidingWindow(hour)
  /** Forgotten with the process: the digests cannot be compared with anything else. */
  private readonly salt = randomBytes(32)

  constructor(readonly limits: AskLimits = defaultAskLimits) {
    this.address = new AddressLimit(limits.perAddress10Min, limits.perAddressDay)
  }

  /** Every post from an address counts, well-formed or not. False: this address has sent enough. */
  admitAddress(address: string, now = Date.now()): boolean {
    return this.address.admit(address, now)
  }

  /** For a well-formed ask: store it, say we are busy, or drop it unseen (a number asked for too often). */
  admitReferral(phone: string, now = Date.now()): AskVerdict {
    if (this.all.count('all', now) >= this.limits.allHour) return 'busy-all'
    const key = createHmac('sha256', this.salt).update(phoneKey(phone)).digest('base64url')
    if (this.phoneDay.count(key, now) >= this.limits.perPhoneDay) return 'drop'
    this.phoneDay.add(key, now)
    this.all.add('all', now)
    return 'store'
  }
}
