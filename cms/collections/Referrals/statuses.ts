/** How a referral moves: new → contacted → joined the group / waiting for the next round / declined / could not be reached. */
export const referralStatuses = ['new', 'contacted', 'joined', 'waiting', 'declined', 'unreachable'] as const
export type ReferralStatus = (typeof referralStatuses)[number]

/** A referral in one of these is closed: the group has its answer (retention counts from here). */
export const closedStatuses: ReadonlySet<string> = new Set<ReferralStatus>(['joined', 'declined', 'unreachable'])
