/**
 * The plan being put together, kept in this browser only (localStorage, never a cookie, never
 * sent anywhere) so "add to plan" on one activity page is remembered on the next. The plan page's
 * link is what is shared.
 */
import { parsePlan, planQuery, type PlanState } from '../lib/plan.ts'

const key = (lang: string) => `modersmal-plan-${lang}`

export function loadPlan(lang: string): PlanState {
  try {
    return parsePlan(localStorage.getItem(key(lang)) ?? '')
  } catch {
    // Storage can be off (private browsing, a locked-down phone): the plan then lives in the link only.
    return parsePlan('')
  }
}

export function savePlan(lang: string, plan: PlanState): void {
  try {
    localStorage.setItem(key(lang), planQuery(plan))
  } catch {
    /* as above */
  }
}
